//! Searching the tantivy index: what `signpost search` (and `signpost serve`) run.

use super::analysis::Analysis;
use super::index::{self, Fields};
use super::plan::{self, Expansion, Plan, Vocabulary};
use super::synonyms::Synonyms;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, Index, Searcher, TERMINATED, TantivyDocument, Term};

/// The file in the index folder that keeps the synonyms the index was built with.
pub const SYNONYMS_JSON: &str = "signpost-synonyms.json";

/// What to narrow a search to.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Only this category id.
    pub category: Option<String>,
    /// Only services for this age.
    pub age: Option<u8>,
    /// Only services in this locality (any case).
    pub locality: Option<String>,
    /// Only services for this need id (or its broad area, or all needs).
    pub need: Option<String>,
}

/// One result.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// Site address.
    pub url: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Category name, for services.
    pub category: Option<String>,
    /// True for easy read.
    pub easy_read: bool,
    /// Relevance: higher is better.
    pub score: f32,
    /// Position in the document list (ties are broken by it).
    #[serde(skip)]
    pub number: u64,
}

/// An opened index, ready to answer searches.
pub struct SearchIndex {
    searcher: Searcher,
    fields: Fields,
    vocabulary: BTreeMap<String, u64>,
    synonyms: Synonyms,
    analysis: Analysis,
}

impl SearchIndex {
    /// Opens the index in `folder`.
    pub fn open(folder: &Path) -> Result<SearchIndex, String> {
        let index = Index::open_in_dir(folder).map_err(|e| format!("Cannot open the search index in {}: {e}", folder.display()))?;
        let synonyms = std::fs::read_to_string(folder.join(SYNONYMS_JSON))
            .ok()
            .and_then(|text| serde_json::from_str::<Vec<Vec<Vec<String>>>>(&text).ok())
            .map(|groups| Synonyms {
                groups,
                need_terms: Default::default(),
            })
            .unwrap_or_default();
        Self::from_index(&index, synonyms).map_err(|e| format!("Cannot read the search index in {}: {e}", folder.display()))
    }

    /// Wraps an index that is already open.
    pub fn from_index(index: &Index, synonyms: Synonyms) -> tantivy::Result<SearchIndex> {
        index::prepare(index);
        let analysis = index::analysis_of(index);
        let (_, fields) = index::schema_for(analysis);
        let searcher = index.reader()?.searcher();
        let mut vocabulary: BTreeMap<String, u64> = BTreeMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(fields.all)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                let term = String::from_utf8_lossy(stream.key()).into_owned();
                *vocabulary.entry(term).or_default() += u64::from(stream.value().doc_freq);
            }
        }
        Ok(SearchIndex {
            searcher,
            fields,
            vocabulary,
            synonyms,
            analysis,
        })
    }

    /// How this index analyses text (English, or plain for another language).
    pub fn analysis(&self) -> Analysis {
        self.analysis
    }

    /// Every indexed stem with its document count, sorted.
    pub fn vocabulary(&self) -> &BTreeMap<String, u64> {
        &self.vocabulary
    }

    /// The synonyms the index was built with.
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// How many documents are indexed.
    pub fn doc_count(&self) -> u64 {
        self.searcher.num_docs()
    }

    /// Plans `query` against this index (see [`plan::plan`]).
    pub fn plan(&self, query: &str, typing: bool) -> Plan {
        plan::plan_with(query, self.analysis, &self.synonyms, self, typing)
    }

    /// The best `limit` results for `query`, best first (ties: document order).
    pub fn search(&self, query: &str, filters: &Filters, typing: bool, limit: usize) -> tantivy::Result<Vec<Hit>> {
        let plan = self.plan(query, typing);
        if plan.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, self.plan_query(&plan))];
        if !plan.name.is_empty() {
            let name = TermQuery::new(Term::from_field_text(self.fields.name, &plan.name), IndexRecordOption::Basic);
            clauses.push((Occur::Should, Box::new(ConstScoreQuery::new(Box::new(name), plan::NAME_BONUS))));
        }
        clauses.extend(self.filter_queries(filters).into_iter().map(|q| (Occur::Must, q)));
        let query = BooleanQuery::new(clauses);
        let mut scored = self.score_all(&query)?;
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(score, number, address)| self.hit(score, number, address))
            .collect()
    }

    /// Every document matching one stem, with the score tantivy gives it (the browser bundle's
    /// postings), by document number.
    pub fn stem_scores(&self, stem: &str) -> tantivy::Result<Vec<(u64, f32)>> {
        let mut scored: Vec<(u64, f32)> = self
            .score_all(&*self.stem_query(stem))?
            .into_iter()
            .map(|(score, number, _)| (number, score))
            .collect();
        scored.sort_by_key(|s| s.0);
        Ok(scored)
    }

    /// Every match of `query` with its score, unsorted.
    fn score_all(&self, query: &dyn Query) -> tantivy::Result<Vec<(f32, u64, DocAddress)>> {
        let weight = query.weight(EnableScoring::enabled_from_searcher(&self.searcher))?;
        let mut out = Vec::new();
        for (ordinal, segment) in self.searcher.segment_readers().iter().enumerate() {
            let numbers = segment.fast_fields().u64("number")?;
            let mut scorer = weight.scorer(segment, 1.0)?;
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                let number = numbers.first(doc).unwrap_or(u64::MAX);
                out.push((scorer.score(), number, DocAddress::new(ordinal as u32, doc)));
                doc = scorer.advance();
            }
        }
        Ok(out)
    }

    /// One stem in any searched field, each field with its weight.
    fn stem_query(&self, stem: &str) -> Box<dyn Query> {
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .fields
            .text
            .iter()
            .map(|(field, boost)| {
                let term = TermQuery::new(Term::from_field_text(*field, stem), IndexRecordOption::WithFreqs);
                (Occur::Should, Box::new(BoostQuery::new(Box::new(term), *boost)) as Box<dyn Query>)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    fn expansion_query(&self, expansion: &Expansion) -> Box<dyn Query> {
        let occur = if expansion.all { Occur::Must } else { Occur::Should };
        let inner: Box<dyn Query> = if expansion.stems.len() == 1 {
            self.stem_query(&expansion.stems[0])
        } else {
            Box::new(BooleanQuery::new(
                expansion.stems.iter().map(|stem| (occur, self.stem_query(stem))).collect(),
            ))
        };
        Box::new(BoostQuery::new(inner, expansion.weight))
    }

    fn plan_query(&self, plan: &Plan) -> Box<dyn Query> {
        let units: Vec<(Occur, Box<dyn Query>)> = plan
            .units
            .iter()
            .map(|unit| {
                let disjuncts: Vec<Box<dyn Query>> = unit.expansions.iter().map(|e| self.expansion_query(e)).collect();
                (Occur::Should, Box::new(DisjunctionMaxQuery::new(disjuncts)) as Box<dyn Query>)
            })
            .collect();
        Box::new(BooleanQuery::new(units))
    }

    fn filter_queries(&self, filters: &Filters) -> Vec<Box<dyn Query>> {
        let f = &self.fields;
        let exact = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
        };
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        if let Some(category) = &filters.category {
            out.push(exact(f.category, category));
        }
        if let Some(age) = filters.age {
            out.push(Box::new(TermQuery::new(
                Term::from_field_u64(f.age, u64::from(age)),
                IndexRecordOption::Basic,
            )));
        }
        if let Some(locality) = &filters.locality {
            out.push(exact(f.locality, &locality.trim().to_lowercase()));
        }
        if let Some(need) = &filters.need {
            out.push(Box::new(BooleanQuery::new(vec![
                (Occur::Should, exact(f.need, need)),
                (Occur::Should, exact(f.need, "all")),
            ])));
        }
        out.into_iter()
            .map(|q| Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>)
            .collect()
    }

    fn hit(&self, score: f32, number: u64, address: DocAddress) -> tantivy::Result<Hit> {
        let doc: TantivyDocument = self.searcher.doc(address)?;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
        Ok(Hit {
            url: text(self.fields.url).unwrap_or_default(),
            title: text(self.fields.title).unwrap_or_default(),
            summary: text(self.fields.summary).unwrap_or_default(),
            category: text(self.fields.category_name),
            easy_read: doc.get_first(self.fields.easy_read).and_then(|v| v.as_bool()).unwrap_or(false),
            score,
            number,
        })
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("documents", &self.doc_count())
            .finish_non_exhaustive()
    }
}

impl Vocabulary for SearchIndex {
    fn doc_freq(&self, stem: &str) -> Option<u64> {
        self.vocabulary.get(stem).copied()
    }

    fn starting_with(&self, first: char) -> Vec<(String, u64)> {
        let start = first.to_string();
        self.vocabulary
            .range(start.clone()..)
            .take_while(|(term, _)| term.starts_with(&start))
            .map(|(term, count)| (term.clone(), *count))
            .collect()
    }
}
