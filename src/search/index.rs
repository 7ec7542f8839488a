//! The tantivy index: its schema and writing it into a staging folder.

use super::analysis::{self, ANALYZER, Analysis, PLAIN_ANALYZER};
use super::documents::SearchDoc;
use std::path::{Path, PathBuf};
use tantivy::directory::{Directory, RamDirectory};
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, TantivyDocument};

/// The searched text fields and how much a match in each counts.
pub const TEXT_FIELDS: &[(&str, f32)] = &[
    ("title", 3.0),
    ("summary", 2.0),
    ("headings", 1.5),
    ("body", 1.0),
    ("details", 1.0),
    ("need_terms", 2.0),
];

/// All the text in one field, only for the list of indexed words and how common each is.
pub const ALL_FIELD: &str = "all";

/// The fields of the index, by role.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The searched text fields with their weights, as in [`TEXT_FIELDS`].
    pub text: Vec<(Field, f32)>,
    /// Every word of the document (vocabulary and document counts only).
    pub all: Field,
    /// The document's number: its position in the sorted document list.
    pub number: Field,
    /// Site address (stored).
    pub url: Field,
    /// Title as written (stored; also in `text`).
    pub title: Field,
    /// Summary as written (stored).
    pub summary: Field,
    /// Category id (filter).
    pub category: Field,
    /// Category name (stored, for showing).
    pub category_name: Field,
    /// Every age from the service's youngest to its oldest (filter).
    pub age: Field,
    /// Localities, lowercased (filter).
    pub locality: Field,
    /// Need ids with their broad areas (filter).
    pub need: Field,
    /// The document's names after analysis, each one term (exact-name matches).
    pub name: Field,
    /// Cost in words (stored).
    pub cost: Field,
    /// True for easy read (stored, filter).
    pub easy_read: Field,
}

/// The index schema (English).
pub fn schema() -> (Schema, Fields) {
    schema_for(Analysis::English)
}

/// The index schema with the text fields analysed by `analysis`.
pub fn schema_for(analysis: Analysis) -> (Schema, Fields) {
    let tokenizer = analysis.analyzer_name();
    let mut builder = Schema::builder();
    let analysed = |stored: bool| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqs);
        let options = TextOptions::default().set_indexing_options(indexing);
        if stored { options.set_stored() } else { options }
    };
    let mut text = Vec::new();
    let mut title = None;
    let mut summary = None;
    for (name, boost) in TEXT_FIELDS {
        let stored = matches!(*name, "title" | "summary");
        let field = builder.add_text_field(name, analysed(stored));
        match *name {
            "title" => title = Some(field),
            "summary" => summary = Some(field),
            _ => {}
        }
        text.push((field, *boost));
    }
    let all = builder.add_text_field(
        ALL_FIELD,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        ),
    );
    let fields = Fields {
        text,
        all,
        number: builder.add_u64_field("number", FAST | STORED),
        url: builder.add_text_field("url", STRING | STORED),
        title: title.unwrap_or(all),
        summary: summary.unwrap_or(all),
        category: builder.add_text_field("category", STRING | STORED),
        category_name: builder.add_text_field("category_name", STORED),
        age: builder.add_u64_field("age", INDEXED),
        locality: builder.add_text_field("locality", STRING | STORED),
        need: builder.add_text_field("need", STRING | STORED),
        name: builder.add_text_field("name", STRING),
        cost: builder.add_text_field("cost", STORED),
        easy_read: builder.add_bool_field("easy_read", INDEXED | STORED),
    };
    (builder.build(), fields)
}

/// Registers the analysers on an index (tantivy does not store analysers with the index).
pub fn prepare(index: &Index) {
    index.tokenizers().register(ANALYZER, analysis::analyzer());
    index.tokenizers().register(PLAIN_ANALYZER, analysis::plain_analyzer());
}

/// The analysis an index's text was indexed with (from its schema).
pub fn analysis_of(index: &Index) -> Analysis {
    let schema = index.schema();
    let plain = schema
        .get_field("title")
        .ok()
        .and_then(|field| match schema.get_field_entry(field).field_type() {
            tantivy::schema::FieldType::Str(options) => options.get_indexing_options().map(|i| i.tokenizer() == PLAIN_ANALYZER),
            _ => None,
        })
        .unwrap_or(false);
    if plain { Analysis::Plain } else { Analysis::English }
}

/// Need ids a document counts as meeting for filtering: its own, their broad areas, and `all`.
pub fn filter_needs(needs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in needs {
        out.push(id.clone());
        if let Some(broad) = crate::content::Need::ALL.iter().find(|n| n.id() == id).and_then(|n| n.broad_area()) {
            out.push(broad.id().to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Writes `docs` into a new index in `folder`, with the text analysed by `analysis` (see
/// [`IndexBuilder`]).
pub fn write_with(folder: &Path, docs: &[SearchDoc], analysis: Analysis) -> tantivy::Result<Index> {
    let mut builder = IndexBuilder::new(analysis)?;
    for doc in docs {
        builder.add(doc)?;
    }
    builder.finish(folder)
}

/// A new index being built in memory, a document at a time (numbered in the order they are
/// added), as one segment. Its files are written out plainly when it is finished: tantivy's own
/// folder writer syncs every file to disk, which can stall a build for many seconds on a busy
/// disk, and the folder is swapped in atomically anyway.
pub struct IndexBuilder {
    index: Index,
    memory: RamDirectory,
    writer: IndexWriter<TantivyDocument>,
    fields: Fields,
    added: u64,
}

impl IndexBuilder {
    /// An empty index with the text fields analysed by `analysis`.
    pub fn new(analysis: Analysis) -> tantivy::Result<Self> {
        let (schema, fields) = schema_for(analysis);
        let memory = RamDirectory::create();
        let index = Index::create(memory.clone(), schema, tantivy::IndexSettings::default())?;
        prepare(&index);
        let writer: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, 200_000_000)?;
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        Ok(IndexBuilder {
            index,
            memory,
            writer,
            fields,
            added: 0,
        })
    }

    /// Adds `doc` as the next document.
    pub fn add(&mut self, doc: &SearchDoc) -> tantivy::Result<()> {
        self.writer.add_document(to_document(&self.fields, self.added, doc))?;
        self.added += 1;
        Ok(())
    }

    /// Commits the documents as one segment and writes the index's files into `folder`.
    pub fn finish(mut self, folder: &Path) -> tantivy::Result<Index> {
        self.writer.commit()?;
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            self.writer.merge(&segments).wait()?;
        }
        self.writer.wait_merging_threads()?;
        save(&self.index, &self.memory, folder)?;
        Ok(self.index)
    }
}

/// Copies the files of an index built in memory into `folder`.
fn save(index: &Index, directory: &RamDirectory, folder: &Path) -> tantivy::Result<()> {
    std::fs::create_dir_all(folder)?;
    let mut files: Vec<PathBuf> = vec![PathBuf::from("meta.json")];
    for meta in index.searchable_segment_metas()? {
        let id = meta.id().uuid_string();
        files.extend(["idx", "pos", "term", "store", "fast", "fieldnorm", "del"].map(|ext| PathBuf::from(format!("{id}.{ext}"))));
    }
    files.sort();
    files.dedup();
    for file in files {
        if !directory.exists(&file)? {
            continue;
        }
        let bytes = if file.as_os_str() == "meta.json" {
            directory.atomic_read(&file)?
        } else {
            directory.open_read(&file)?.read_bytes()?.as_slice().to_vec()
        };
        std::fs::write(folder.join(&file), bytes)?;
    }
    Ok(())
}

fn to_document(fields: &Fields, number: u64, doc: &SearchDoc) -> TantivyDocument {
    let mut out = TantivyDocument::default();
    let texts = [&doc.title, &doc.summary, &doc.headings, &doc.body, &doc.details, &doc.need_terms];
    for ((field, _), text) in fields.text.iter().zip(texts) {
        out.add_text(*field, text);
    }
    out.add_text(fields.all, texts.map(String::as_str).join("\n"));
    out.add_u64(fields.number, number);
    out.add_text(fields.url, &doc.url);
    if let Some(category) = &doc.category {
        out.add_text(fields.category, category);
    }
    if let Some(name) = &doc.category_name {
        out.add_text(fields.category_name, name);
    }
    if let Some((from, to)) = doc.ages {
        for age in from..=to {
            out.add_u64(fields.age, u64::from(age));
        }
    }
    for locality in &doc.localities {
        out.add_text(fields.locality, locality);
    }
    for name in &doc.names {
        out.add_text(fields.name, name);
    }
    for need in filter_needs(&doc.needs) {
        out.add_text(fields.need, need);
    }
    out.add_text(fields.cost, &doc.cost);
    out.add_bool(fields.easy_read, doc.easy_read);
    out
}

/// An index written beside its final place, swapped in with the site by [`crate::output::publish()`].
/// Dropping it unpublished removes it.
pub type StagedIndex = crate::output::StagedFolder;
