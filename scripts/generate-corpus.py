#!/usr/bin/env python3
"""Generate a complete, valid Signpost site with N services (for benchmarks and scale tests).

Usage:
    scripts/generate-corpus.py N OUT_DIR [--seed 2026] [--theme-dir themes] [--force]

Writes OUT_DIR/site.toml, OUT_DIR/content/... (home, accessibility statement, other formats page,
an advice section of about 20 pages, a glossary, contact blocks and N services in YAML list files
of 100 services each: content/services/batch-0001.yaml, ...) and copies the theme folder
(default: this repository's themes/) to OUT_DIR/themes/.

The output is deterministic for a given N and seed. Only the Python 3.11 standard library is used.
All people, phone numbers (Ofcom drama ranges), e-mail addresses (example.org) and places are
invented.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AREA = "Eastbrook"
COUNCIL = "Eastbrook Council"
BATCH_SIZE = 100

CATEGORIES = [
    ("health", "Health",
     "NHS and health services for children and young people with SEND."),
    ("short-breaks", "Short breaks",
     "Activities and care that give disabled children new experiences and give parents and carers a break."),
    ("alternative-provision", "Alternative provision",
     "Education for children and young people who cannot go to school for a time."),
    ("things-to-do", "Things to do",
     "Clubs, sports, arts and days out that welcome children and young people with SEND."),
    ("education", "Education",
     "Support in nurseries, schools and colleges, and the teams that help them."),
    ("preparing-for-adulthood", "Preparing for adulthood",
     "Help for young people aged 14 to 25 with work, money, housing, health and friendships."),
    ("social-care", "Social care",
     "Assessments, care and practical help at home for disabled children and their families."),
    ("family-support", "Family support",
     "Groups, courses and advice for parents, carers, brothers and sisters."),
]
# Relative share of services per category (bigger numbers get more services).
CATEGORY_WEIGHTS = [18, 16, 5, 22, 12, 10, 6, 11]

KINDS = {
    "health": ["Speech and language therapy", "Occupational therapy", "Physiotherapy",
               "Continence service", "Sleep support clinic", "Children's community nursing",
               "Wheelchair service", "Audiology clinic", "Eating support clinic",
               "Child development centre", "Epilepsy nurse clinic", "Mental health support team",
               "Learning disability nursing", "Dental clinic for additional needs"],
    "short-breaks": ["Saturday club", "Holiday playscheme", "Overnight short breaks",
                     "After-school club", "Sensory play sessions", "Youth club", "Sibling group",
                     "Family swim session", "Multi-sports club", "Outdoor adventure days",
                     "Residential weekend", "Befriending scheme"],
    "alternative-provision": ["Alternative provision centre", "Home tuition service",
                              "Hospital education service", "Vocational skills programme",
                              "Re-engagement programme", "Medical needs teaching service"],
    "things-to-do": ["Relaxed cinema screening", "Inclusive football", "Drama group", "Music group",
                     "Art club", "Climbing club", "Quiet museum morning", "Gardening group",
                     "Baking club", "Dance class", "Cycling for all", "Wheelchair basketball",
                     "Sensory storytime", "Coding club", "Trampoline session"],
    "education": ["Early years inclusion service", "Specialist teaching service",
                  "Educational psychology service", "Sensory support service",
                  "Autism outreach team", "Language resource base", "Parent workshops",
                  "Reading support programme", "Inclusion support team"],
    "preparing-for-adulthood": ["Supported internships", "Travel training",
                                "Independent living skills course", "Employment support",
                                "Transition team", "Money skills course", "Supported housing advice",
                                "Volunteering scheme", "College taster days"],
    "social-care": ["Children with disabilities team", "Direct payments advice",
                    "Carers' assessment service", "Family support workers",
                    "Equipment and adaptations service", "Personal assistants scheme"],
    "family-support": ["Parent carer forum", "Parenting course", "Family hub", "Peer support group",
                       "Welfare benefits advice", "Autism parent group", "Dads' group",
                       "Young carers group", "Coffee morning"],
}

PROVIDERS = {
    "health": ["Eastbrook Healthcare NHS Trust", "Eastbrook Community Health Services",
               "NHS Eastbrook Integrated Care Board", "Riverside Children's Hospital"],
    "short-breaks": ["Eastbrook Council Short Breaks Team", "Open Doors Trust", "Rainbow Play CIC",
                     "Brightside Youth Charity"],
    "alternative-provision": ["Eastbrook Council Inclusion Service", "Riverside Learning Centre",
                              "Eastbrook Hospital School"],
    "things-to-do": ["Eastbrook Leisure", "Eastbrook Libraries", "Open Doors Trust",
                     "Eastbrook Arts Centre", "Riverside Sports Club", "Canal Side Community Trust"],
    "education": ["Eastbrook Council SEND Service", "Eastbrook Educational Psychology Service",
                  "Eastbrook College", "Riverside Teaching School"],
    "preparing-for-adulthood": ["Eastbrook College", "Eastbrook Council Adult Social Care",
                                "Next Steps Employment Charity", "Eastbrook Careers Service"],
    "social-care": ["Eastbrook Council Children's Services", "Eastbrook Carers' Centre",
                    "Independent Living Eastbrook"],
    "family-support": ["Eastbrook Parent Carer Forum", "Eastbrook Family Hubs", "Open Doors Trust",
                       "Eastbrook Citizens Advice"],
}

LOCALITIES = ["Eastbrook Town", "Northfield", "Millbridge", "Ashby Green", "Castle Vale",
              "Riverside", "Oakworth", "Hill Top", "Southmead", "Westcroft", "Kingsley",
              "Fenwick", "Bramley", "Stonebridge"]
STREETS = ["High Street", "Station Road", "Church Lane", "Park Road", "Mill Lane", "Victoria Road",
           "School Lane", "Canal Street", "Queen's Road", "Market Square", "Green Lane",
           "Albert Street", "Orchard Way", "Bridge Street"]
VENUES = ["Community Centre", "Family Hub", "Leisure Centre", "Library", "Youth Centre",
          "Health Centre", "Children's Centre", "Sports Hall", "Arts Centre", "Primary School",
          "Scout Hut", "Methodist Church Hall"]

NEEDS = ["autism", "ADHD", "learning disabilities", "physical disabilities", "sensory impairments",
         "speech, language and communication needs", "social, emotional and mental health needs",
         "complex medical needs", "hearing loss", "visual impairment", "Down's syndrome",
         "cerebral palsy", "epilepsy", "global developmental delay"]
SKILLS = ["making friends", "talking about feelings", "staying calm", "getting dressed",
          "using the bus", "cooking a simple meal", "managing money", "sleeping well",
          "eating a wider range of foods", "moving safely", "taking turns", "using a computer",
          "keeping fit", "asking for help", "travelling on their own", "planning the day"]
STAFF = ["trained staff", "friendly volunteers", "experienced play workers", "specialist nurses",
         "qualified therapists", "youth workers", "teachers who know about SEND",
         "support workers"]
COSTS = ["Free", "Free", "Free", "£2 a session", "£3 a session", "£5 a session", "£25 a term",
         "£40 a term", "Free for families with a short breaks plan",
         "Free. Some trips cost extra", "Costs vary: ask the provider",
         "Free with an EHC plan, otherwise £10 a session"]
WHEN = ["Mondays, 6pm to 8pm during term time", "Saturdays, 10am to 12 noon",
        "Tuesdays and Thursdays, 4pm to 6pm", "School holidays, 10am to 3pm",
        "Monday to Friday, 9am to 5pm", "Wednesdays, 1pm to 3pm, all year",
        "First Saturday of the month, 9:30am to 11am", "By appointment",
        "Fridays, 5pm to 7pm during term time", "Sundays, 2pm to 4pm"]
AGE_RANGES = [(0, 5), (0, 19), (2, 11), (4, 16), (5, 11), (5, 18), (8, 18), (11, 18), (11, 25),
              (14, 25), (16, 25), (0, 25), (3, 7), (13, 19)]
ACCESS = ["self-referral", "professional-referral", "ehcp", "drop-in"]

ADVICE = [
    # (id, title, summary, category to link, glossary term to link)
    ("sen-support", "SEN support in school",
     "What schools must do for children with special educational needs, and how to ask for it.",
     "education", "sen-support"),
    ("ehc-needs-assessment", "EHC needs assessment",
     "How to ask the council to look at your child's needs in detail, and what happens next.",
     "education", "ehcp"),
    ("ehc-plans", "EHC plans",
     "What an Education, Health and Care plan is and what it must include.",
     "education", "ehcp"),
    ("annual-reviews", "Annual reviews",
     "How an EHC plan is checked at least once a year, and how you can take part.",
     "education", "annual-review"),
    ("short-breaks-guide", "Short breaks",
     "Activities and care that give disabled children fun and give families a rest.",
     "short-breaks", "short-breaks"),
    ("personal-budgets", "Personal budgets and direct payments",
     "How you can choose and pay for some support yourself.",
     "social-care", "personal-budget"),
    ("school-transport", "Travel to school and college",
     "Who can get free travel, and how to apply.",
     "education", "ehcp"),
    ("mediation-and-tribunals", "Disagreements, mediation and tribunals",
     "What to do if you do not agree with a decision about your child's support.",
     "family-support", "sendiass"),
    ("alternative-provision-guide", "Alternative provision",
     "Education for children who cannot go to school for a time.",
     "alternative-provision", "ap"),
    ("getting-a-diagnosis", "Getting a diagnosis",
     "How assessments for autism, ADHD and other needs work, and where to find help while you wait.",
     "health", "autism"),
    ("health-services-guide", "Health services for children with SEND",
     "Therapy, nursing and clinics, and how to be referred.",
     "health", "slt"),
    ("money-and-benefits", "Money and benefits",
     "Benefits and grants that families of disabled children may be able to get.",
     "family-support", "dla"),
    ("childcare", "Childcare and early years",
     "Finding a nursery or childminder who can meet your child's needs.",
     "education", "senco"),
    ("moving-to-secondary-school", "Moving to secondary school",
     "How to plan the move from primary to secondary school.",
     "education", "senco"),
    ("post-16", "Education after 16",
     "Sixth forms, colleges, apprenticeships and supported internships.",
     "preparing-for-adulthood", "ehcp"),
    ("work-and-internships", "Work and supported internships",
     "Getting ready for work, and the help young people can get.",
     "preparing-for-adulthood", "supported-internship"),
    ("independent-living", "Living more independently",
     "Skills, housing and support for young people moving towards adult life.",
     "preparing-for-adulthood", "pfa"),
    ("social-care-assessments", "Social care assessments",
     "How the council decides what care and help at home your family can get.",
     "social-care", "personal-budget"),
    ("young-carers", "Young carers",
     "Help for children and young people who look after a brother, sister or parent.",
     "family-support", "sendiass"),
    ("complaints", "Complaints and feedback",
     "How to tell us when something has gone wrong, or what you think of this website.",
     "family-support", "sendiass"),
]

GLOSSARY = [
    ("ADHD", "Attention deficit hyperactivity disorder",
     "A condition that affects attention, activity and self-control."),
    ("Annual review", None,
     "A meeting held at least once a year to check an EHC plan and whether it needs to change."),
    ("AP", "Alternative provision",
     "Education for children who cannot go to school for a time."),
    ("Autism", None,
     "A lifelong difference in how a person communicates, relates to others and experiences the world."),
    ("BSL", "British Sign Language",
     "A language that uses hand shapes, facial expressions and body movement."),
    ("CAMHS", "Child and adolescent mental health services",
     "NHS services that help children and young people with their mental health."),
    ("Direct payment", None,
     "Money from the council that you use to buy support yourself, instead of the council arranging it."),
    ("DLA", "Disability Living Allowance",
     "A benefit for children under 16 who need more care or help getting around than other children their age."),
    ("EHC needs assessment", None,
     "A detailed look at a child or young person's needs, carried out by the council."),
    ("EHCP", "Education, Health and Care plan",
     "A legal document that says what support a child or young person must get."),
    ("Local Offer", None,
     "Information from the council about services for children and young people with SEND."),
    ("PfA", "Preparing for adulthood",
     "Planning for adult life: work, housing, health, friends and being part of the community."),
    ("Personal budget", None,
     "An amount of money that pays for some of the support in an EHC plan."),
    ("SEN support", None,
     "The extra help a nursery, school or college gives a child with special educational needs."),
    ("SENCo", "Special educational needs coordinator",
     "The teacher who makes sure children with SEND get the right support in their school."),
    ("SEND", "Special educational needs and disabilities",
     "When a child or young person needs extra help to learn, or has a disability."),
    ("SENDIASS", "SEND Information, Advice and Support Service",
     "A free, impartial and confidential service that helps families and young people with SEND."),
    ("Short breaks", None,
     "Time away from caring for the family, and new experiences for the disabled child."),
    ("SLT", "Speech and language therapy",
     "Help with talking, understanding, eating and drinking."),
    ("Supported internship", None,
     "A study programme based mostly at a workplace, for young people aged 16 to 24 with an EHC plan."),
    ("Tribunal", None,
     "An independent court that decides disagreements about EHC needs assessments and plans."),
]


def slug(s: str) -> str:
    out, dash = [], False
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


GLOSSARY_IDS = {slug(t) for t, _, _ in GLOSSARY}


def q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def block(text: str, indent: int) -> str:
    pad = " " * indent
    return "\n".join((pad + line) if line else "" for line in text.rstrip("\n").split("\n"))


def words(s: str) -> int:
    return len(s.split())


def sentence_case(s: str) -> str:
    return s[:1].upper() + s[1:]


def join_and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class Gen:
    def __init__(self, n: int, seed: int, year: int):
        self.n = n
        self.rng = random.Random(seed)
        self.year = year

    # ----------------------------------------------------------------------------- helpers
    def date(self) -> dt.date:
        start = dt.date(self.year, 1, 5)
        end = dt.date(self.year, 11, 15)
        return start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))

    def phone(self) -> str:
        # Ofcom's ranges for drama: 01632 960000-960999, 0121 496 0000-0999, 0808 157 0000-0999.
        r = self.rng
        return r.choice([f"01632 960{r.randrange(1000):03d}", f"0121 496 0{r.randrange(1000):03d}",
                         f"0808 157 0{r.randrange(1000):03d}"])

    def postcode(self) -> str:
        r = self.rng
        return f"EB{r.randrange(1, 20)} {r.randrange(1, 10)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"

    # ----------------------------------------------------------------------------- services
    def summary(self, kind: str, cat: str, ages: tuple[int, int], needs: list[str]) -> str:
        r = self.rng
        who = "children" if ages[1] <= 12 else ("young people" if ages[0] >= 14 else "children and young people")
        first = r.choice([
            f"{kind} for {who} aged {ages[0]} to {ages[1]} with {join_and(needs)}.",
            f"{kind} for {who} with {join_and(needs)}, and for their families.",
            f"{kind} that helps {who} with SEND, including {join_and(needs)}.",
        ])
        skills = r.sample(SKILLS, 2)
        more = [
            f"{sentence_case(r.choice(STAFF))} help with {skills[0]} and {skills[1]}.",
            f"Sessions are small, calm and friendly, and there is a quiet space if you need a break.",
            f"You can come along with a parent, carer or support worker.",
            f"We can talk to you first about what works best for you.",
            f"Parents and carers can ask questions and meet other families.",
            f"We work closely with schools, health services and the SEND team.",
            f"Everyone gets a plan that is reviewed every few months.",
            f"You do not need a diagnosis to get help.",
        ]
        r.shuffle(more)
        s = first
        for extra in more:
            if words(s) >= 20:
                break
            if words(s) + words(extra) > 40:
                continue
            s += " " + extra
        if words(s) < 20:
            s += " Ask us if you are not sure whether this is right for you."
        return s

    def description(self, kind: str, cat: str, locality: str) -> str:
        r = self.rng
        target = r.randrange(60, 151)
        paras: list[str] = []
        pool = [
            f"The {kind.lower()} is run by {r.choice(STAFF)} who have worked with many families in {AREA}.",
            f"Before your first visit we will ask about {r.choice(SKILLS)}, what your child enjoys and anything that worries you.",
            f"Most people hear about us from their school or their health visitor, but you can also contact us yourself.",
            f"There is step-free access, an accessible toilet and a changing bench with a hoist.",
            f"We can send you a visual guide with photos of the building and the people you will meet.",
            f"If you need an interpreter or a British Sign Language interpreter, tell us when you book.",
            f"Places are limited, so please contact us before you come for the first time.",
            f"Brothers and sisters are welcome at some sessions.",
            f"We are near the bus station in {locality} and there is free parking outside.",
            f"You can stop using the service at any time. Tell us and we will close your file.",
            f"We ask families what they think every year and use their ideas to make the service better.",
            f"If you are waiting for an assessment, we can still offer advice and ideas to try at home.",
        ]
        r.shuffle(pool)
        links = [
            f"See other [{dict((c[0], c[1]) for c in CATEGORIES)[cat].lower()} services](/services/{cat}/).",
            "Words we use are explained in the [glossary](/glossary/).",
            f"Read about [SEN support in school](/advice/sen-support/).",
        ]
        cur: list[str] = []
        total = 0
        for sent in pool:
            if total + words(sent) > target and total >= 60:
                break
            cur.append(sent)
            total += words(sent)
            if len(cur) >= 3:
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        if r.random() < 0.3:
            items = r.sample(SKILLS, 3)
            paras.insert(1, "We can help with:\n\n" + "\n".join(f"- {i}" for i in items))
        if r.random() < 0.5:
            paras.append(r.choice(links))
        return "\n\n".join(paras)

    def services(self):
        r = self.rng
        cats = [c[0] for c in CATEGORIES]
        # Every category gets at least one service (when n allows), the rest are weighted.
        order = cats[: min(self.n, len(cats))] + r.choices(cats, CATEGORY_WEIGHTS, k=max(0, self.n - len(cats)))
        for i, cat in enumerate(order, start=1):
            kind = r.choice(KINDS[cat])
            locality = r.choice(LOCALITIES)
            name = r.choice([f"{locality} {kind.lower()}", f"{kind} in {locality}",
                             f"{kind} at {locality} {r.choice(VENUES)}"])
            name = sentence_case(name)
            sid = f"{slug(name)}-{i}"
            ages = r.choice(AGE_RANGES)
            if cat == "preparing-for-adulthood":
                ages = r.choice([(14, 25), (16, 25), (16, 24), (18, 25)])
            needs = r.sample(NEEDS, r.randrange(1, 3))
            provider = r.choice(PROVIDERS[cat])
            svc: dict = {
                "id": sid,
                "name": name,
                "category": cat,
                "summary": self.summary(kind, cat, ages, needs),
                "provider": provider,
            }
            if r.random() < 0.5:
                svc["provider_website"] = f"https://{slug(provider)}.example.org/"
            svc["ages"] = ages
            if r.random() < 0.7:
                svc["eligibility"] = r.choice([
                    f"Children and young people with SEND who live in {AREA}.",
                    f"Families living in {AREA} or whose child goes to school here.",
                    f"Young people with an EHC plan, or who are on SEN support at school.",
                    f"Anyone aged {ages[0]} to {ages[1]} with {needs[0]}.",
                ])
            access = sorted(set(r.sample(ACCESS, r.choice([1, 1, 2, 2, 3]))), key=ACCESS.index)
            svc["access"] = access
            svc["cost"] = r.choice(COSTS)
            contact = {}
            pick = r.random()
            if pick < 0.8:
                contact["phone"] = self.phone()
            if pick > 0.3:
                contact["email"] = f"{slug(kind)[:24].strip('-')}.{i}@example.org"
            if pick < 0.2 or pick > 0.7 or not contact:
                contact["website"] = f"https://example.org/{cat}/{sid}"
            svc["contact"] = contact
            where: dict = {}
            if r.random() < 0.85:
                where["address"] = f"{locality} {r.choice(VENUES)}, {r.randrange(1, 200)} {r.choice(STREETS)}, {locality}"
                where["postcode"] = self.postcode()
                where["locality"] = locality
                if r.random() < 0.1:
                    where["online"] = True
            else:
                where["online"] = True
                if r.random() < 0.5:
                    where["locality"] = locality
            svc["where"] = where
            if r.random() < 0.75:
                svc["when"] = r.choice(WHEN)
            lr = self.date()
            svc["last_reviewed"] = lr
            if r.random() < 0.1:
                svc["next_review"] = lr.replace(year=lr.year + 1, day=min(lr.day, 28)) + dt.timedelta(days=180)
            svc["owner"] = f"{kind} manager"
            if r.random() < 0.4:
                svc["description"] = self.description(kind, cat, locality)
            yield svc

    @staticmethod
    def service_yaml(s: dict) -> str:
        out = [f"- id: {s['id']}", f"  name: {q(s['name'])}", f"  category: {s['category']}",
               f"  summary: {q(s['summary'])}", f"  provider: {q(s['provider'])}"]
        if "provider_website" in s:
            out.append(f"  provider_website: {s['provider_website']}")
        out.append(f"  ages: {{ from: {s['ages'][0]}, to: {s['ages'][1]} }}")
        if "eligibility" in s:
            out.append(f"  eligibility: {q(s['eligibility'])}")
        out.append(f"  access: [{', '.join(s['access'])}]")
        out.append(f"  cost: {q(s['cost'])}")
        out.append("  contact:")
        for k, v in s["contact"].items():
            out.append(f"    {k}: {q(v)}")
        out.append("  where:")
        for k, v in s["where"].items():
            out.append(f"    {k}: {'true' if v is True else q(v)}")
        if "when" in s:
            out.append(f"  when: {q(s['when'])}")
        out.append(f"  last_reviewed: {s['last_reviewed'].isoformat()}")
        if "next_review" in s:
            out.append(f"  next_review: {s['next_review'].isoformat()}")
        out.append(f"  owner: {q(s['owner'])}")
        if "description" in s:
            out.append("  description: |")
            out.append(block(s["description"], 4))
        return "\n".join(out) + "\n"

    # ----------------------------------------------------------------------------- pages
    def front_matter(self, title: str, summary: str, **extra) -> str:
        lines = ["---", f"title: {q(title)}", f"summary: {q(summary)}",
                 f"last_reviewed: {self.date().isoformat()}", f"owner: {q('SEND Local Offer team')}"]
        for k, v in extra.items():
            if isinstance(v, list):
                lines.append(f"{k}: [{', '.join(v)}]")
            else:
                lines.append(f"{k}: {v}")
        lines.append("---")
        return "\n".join(lines) + "\n\n"

    def advice_page(self, idx: int, aid: str, title: str, summary: str, cat: str, term: str) -> str:
        r = self.rng
        cat_name = dict((c[0], c[1]) for c in CATEGORIES)[cat]
        others = [a for a in ADVICE if a[0] != aid]
        o1, o2 = r.sample(others, 2)
        term_link = f"/glossary/#{term}" if term in GLOSSARY_IDS else "/glossary/"
        extra = {"order": (idx + 1) * 10}
        if r.random() < 0.6:
            extra["audience"] = sorted(r.sample(["parents-carers", "young-people", "professionals"], r.randrange(1, 3)))
        if r.random() < 0.5:
            extra["topics"] = [slug(title)[:30].strip("-")]
        body = [self.front_matter(title, summary, **extra)]
        body.append(
            f"{summary} This page explains the main steps in plain English. "
            f"If a word is new to you, look it up in the [glossary]({term_link}).\n\n"
            f"On this page:\n\n- [Who can ask?](#who-can-ask)\n- [What happens next](#what-happens-next)\n"
            f"- [Getting help](#getting-help)\n"
        )
        body.append(
            "## Who can ask?\n\n"
            f"Parents and carers can ask. Young people aged 16 to 25 can ask for themselves. "
            f"A teacher, health visitor or doctor can also ask with your agreement. "
            f"You do not need a diagnosis, and it does not cost anything.\n"
        )
        steps = r.sample([
            "Talk to the people who already know your child, such as their teacher or SENCo.",
            "Write down what is going well and what is hard, with examples.",
            "Keep copies of letters and reports in one place.",
            "Ask for a meeting if you are not sure what is happening.",
            "Bring someone with you to meetings if that helps.",
            "Ask for information in another format if you need it.",
        ], 4)
        body.append("## What happens next\n\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(steps, 1)) + "\n")
        if idx % 4 == 0:
            body.append(
                "## Timescales {#timescales}\n\n| Step | How long it usually takes |\n|---|---|\n"
                "| We reply to your request | 6 weeks |\n| We decide | 16 weeks |\n"
                "| You get a final plan | 20 weeks |\n\nThese are the legal time limits.[^law]\n\n"
                "[^law]: Set by the Children and Families Act 2014 and the SEND Code of Practice.\n"
            )
        body.append(
            "## Getting help\n\n"
            f"You can find [{cat_name.lower()} services](/services/{cat}/) in our directory, "
            f"or read about [{o1[1].lower() if o1[1][1:2].islower() else o1[1]}](/advice/{o1[0]}/) "
            f"and [{o2[1].lower() if o2[1][1:2].islower() else o2[1]}](/advice/{o2[0]}/). "
            "SENDIASS gives free, impartial advice: their details are on every page.\n"
        )
        return "\n".join(body)

    def write(self, out: Path, theme_dir: Path | None) -> dict:
        content = out / "content"
        (content / "advice").mkdir(parents=True, exist_ok=True)
        (content / "contacts").mkdir(parents=True, exist_ok=True)
        (content / "services").mkdir(parents=True, exist_ok=True)

        # site.toml
        cats = "\n".join(
            f'[[categories]]\nid = "{cid}"\nname = "{name}"\ndescription = {q(desc)}\n'
            for cid, name, desc in CATEGORIES
        )
        (out / "site.toml").write_text(
            f'# Generated by scripts/generate-corpus.py ({self.n} services). Invented council.\n'
            f'name = "{AREA} SEND Local Offer"\n'
            f'area = "{AREA}"\n'
            f'council = "{COUNCIL}"\n'
            f'base_url = "https://localoffer.example.org/"\n'
            f'language = "en-GB"\n'
            f'theme = "default"\n'
            f'accessibility_statement = "/accessibility/"\n'
            f'other_formats = "/other-formats/"\n'
            f"review_cycle_months = 12\n\n"
            f'[contacts]\nevery_page = ["sendiass", "local-offer-team"]\n\n'
            f'[[nav]]\ntitle = "Find a service"\nurl = "/services/"\n\n'
            f'[[nav]]\ntitle = "Advice"\nurl = "/advice/"\n\n'
            f'[[nav]]\ntitle = "Glossary"\nurl = "/glossary/"\n\n'
            f"{cats}\n"
            f"[checks]\nreview_grace_days = 90\nmax_file_kb = 1024\n\n"
            f"# The corpus measures speed; the bundled example site shows the statutory topic check.\n"
            f"[statutory]\nrequired_topics = []\n",
            encoding="utf-8",
        )

        (content / "contacts" / "sendiass.yaml").write_text(
            f'name: "{AREA} SENDIASS"\nheading: "Advice and support"\noperator: "Family Action"\n'
            "summary: >-\n  Free, impartial and confidential advice for parents and carers of children\n"
            "  and young people with special educational needs and disabilities (SEND),\n"
            "  and for young people themselves.\n"
            'phone: "0808 157 0100"\nemail: "sendiass@example.org"\n'
            "website: https://sendiass.example.org/\n"
            'hours: "Monday to Friday, 9am to 5pm"\n',
            encoding="utf-8",
        )
        (content / "contacts" / "local-offer-team.yaml").write_text(
            f'name: "{AREA} SEND Local Offer team"\nheading: "Contact the Local Offer team"\n'
            f'operator: "{COUNCIL}"\n'
            "summary: >-\n  Tell us if something on this website is wrong or out of date, or if you need\n"
            "  information in another format.\n"
            'phone: "01632 960100"\nemail: "localoffer@example.org"\n'
            f'address: "SEND Local Offer team, {COUNCIL}, Civic Centre, {AREA}"\n',
            encoding="utf-8",
        )

        (content / "glossary.yaml").write_text(
            "# Generated glossary.\n" + "".join(
                f"- term: {q(t)}\n" + (f"  stands_for: {q(sf)}\n" if sf else "") + f"  meaning: {q(m)}\n"
                for t, sf, m in GLOSSARY),
            encoding="utf-8",
        )

        (content / "index.md").write_text(
            self.front_matter(f"{AREA} SEND Local Offer",
                              f"Information, advice and services for children and young people aged 0 to 25 "
                              f"with special educational needs and disabilities (SEND) in {AREA}.")
            + f"The Local Offer tells you about support for children and young people with SEND "
            f"and their families in {AREA}.\n\n"
            "## Start here\n\n"
            "- [Find a service](/services/): search {n} services by type, age and area.\n".format(n=f"{self.n:,}")
            + "- [Advice](/advice/): plain-English guides to SEN support, EHC plans and more.\n"
            "- [Glossary](/glossary/): what the words and acronyms mean.\n\n"
            "## Popular services\n\n"
            + "".join(f"- [{name}](/services/{cid}/)\n" for cid, name, _ in CATEGORIES[:4])
            + "\nYou can also [get this information in other formats](/other-formats/).\n",
            encoding="utf-8",
        )
        (content / "accessibility.md").write_text(
            self.front_matter("Accessibility statement",
                              f"How accessible this website is, and how to tell us about a problem.", order=900)
            + f"{COUNCIL} wants as many people as possible to be able to use this website.\n\n"
            "## How accessible this website is\n\n"
            "We test every page against the Web Content Accessibility Guidelines (WCAG) 2.2 "
            "at level AA. You should be able to:\n\n"
            "- zoom in up to 400% without the text spilling off the screen\n"
            "- move around the website using only a keyboard\n"
            "- listen to most of the website using a screen reader\n\n"
            "## Reporting problems\n\n"
            "If you find a problem, contact the Local Offer team. Their details are on every page. "
            "You can also [ask for information in another format](/other-formats/).\n\n"
            "## Enforcement procedure\n\n"
            "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
            "accessibility regulations.\n",
            encoding="utf-8",
        )
        (content / "other-formats.md").write_text(
            self.front_matter("Information in other formats",
                              "How to get this information on paper, in large print, in Easy Read, "
                              "in another language or read out to you.", order=910)
            + "We can give you any page of this website:\n\n"
            "- printed on paper and posted to you\n- in large print\n- in Easy Read\n"
            "- in another language, or in British Sign Language\n- read out to you over the phone\n\n"
            "## How to ask\n\n"
            "Phone or email the Local Offer team (their details are on every page) and tell us "
            "which page you need and the format you would like. There is no charge.\n\n"
            "## If you do not use the internet\n\n"
            "Your local library and family hub can help you use this website or print pages for you. "
            "See [family support services](/services/family-support/).\n",
            encoding="utf-8",
        )
        (content / "advice" / "index.md").write_text(
            self.front_matter("Advice", "Plain-English guides for families and young people about SEND.", order=20)
            + "These guides explain how support for SEND works in "
            f"{AREA}, and what you can do at each step. The [glossary](/glossary/) explains the words we use.\n",
            encoding="utf-8",
        )
        for idx, (aid, title, summary, cat, term) in enumerate(ADVICE):
            (content / "advice" / f"{aid}.md").write_text(
                self.advice_page(idx, aid, title, summary, cat, term), encoding="utf-8")

        count = 0
        batch: list[str] = []
        batch_no = 0

        def flush():
            nonlocal batch, batch_no
            if not batch:
                return
            batch_no += 1
            (content / "services" / f"batch-{batch_no:04d}.yaml").write_text(
                f"# Generated services, batch {batch_no}.\n\n" + "\n".join(batch), encoding="utf-8")
            batch = []

        for svc in self.services():
            batch.append(self.service_yaml(svc))
            count += 1
            if len(batch) == BATCH_SIZE:
                flush()
        flush()

        theme_copied = False
        if theme_dir is not None:
            if theme_dir.is_dir():
                shutil.copytree(theme_dir, out / "themes", dirs_exist_ok=True)
                theme_copied = True
            else:
                print(f"generate-corpus: WARNING: theme folder {theme_dir} not found; "
                      "OUT_DIR/themes/default is missing, so the site will not build", file=sys.stderr)
        return {"services": count, "batches": batch_no, "advice_pages": len(ADVICE) + 1,
                "theme_copied": theme_copied}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of services")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--year", type=int, default=2026, help="year of the review dates (default 2026)")
    ap.add_argument("--theme-dir", type=Path, default=None,
                    help="folder copied to OUT_DIR/themes (default: none, so the theme built into signpost is used)")
    ap.add_argument("--no-theme", action="store_true", help="do not copy a theme")
    ap.add_argument("--force", action="store_true", help="empty OUT_DIR first if it exists")
    args = ap.parse_args()
    if args.n < 0:
        ap.error("N must be 0 or more")
    out: Path = args.out_dir
    if out.exists() and any(out.iterdir()):
        if not args.force:
            ap.error(f"{out} exists and is not empty (use --force to replace it)")
        if not (out / "site.toml").exists() and not (out / "content").exists():
            ap.error(f"refusing to empty {out}: it does not look like a generated site")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    stats = Gen(args.n, args.seed, args.year).write(out, None if args.no_theme else args.theme_dir)
    print(f"generate-corpus: wrote {stats['services']} services in {stats['batches']} files, "
          f"{stats['advice_pages']} advice pages, theme {'copied' if stats['theme_copied'] else 'NOT copied'} "
          f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
