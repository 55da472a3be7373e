#!/usr/bin/env python3
"""Writes an N MB JSONL corpus of varied, news-like articles for the corpus benchmark.

    bench/make_corpus.py --mb 100 --seed 1 -o /tmp/corpus-100.jsonl

Each line is {"id", "date", "text"}. Articles are composed, not copied: sentences are drawn
from templates (meetings, visits, calls, pressure, criticism, praise, sanctions, attacks,
agreements, statements, negations and plans) filled with the real names of the built-in
lexicon (extract/rules/actors/*.actors: people with their titles and countries, countries
with their capitals and demonyms, organisations and groups; a few actors much more often
than the rest, see --popularity), mixed with filler sentences
that name no actor (markets, weather, sport, local politics) in about the proportion news
has them. Articles range from one-line wire items to long features, with headlines,
datelines, paragraphs, typographic quotes now and then, surnames and pronouns after a first
full mention. The same seed and size always give the same bytes. Python 3 standard library
only.
"""

import argparse
import glob
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ACTORS_DIR = os.path.join(HERE, "..", "extract", "rules", "actors")


# --- The lexicon ----------------------------------------------------------------------

def parse_actors(folder):
    """People, countries, organisations and groups of the *.actors files, as dicts."""
    actors = []
    current = None
    for path in sorted(glob.glob(os.path.join(folder, "*.actors"))):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if " #" in line:
                    line = line[: line.index(" #")]
                if not line.startswith((" ", "\t")):
                    field, _, value = line.partition(" ")
                    if field == "actor":
                        current = {"name": value.strip(), "alias": [], "role": [], "capital": [],
                                   "demonym": [], "metonym": []}
                        actors.append(current)
                    continue
                field, _, value = line.strip().partition(" ")
                if current is None:
                    continue
                value = value.strip()
                if field in ("alias", "role", "capital", "demonym", "metonym"):
                    current[field] += [v.strip() for v in value.split("|") if v.strip()]
                else:
                    current[field] = value
    return actors


class Lexicon:
    def __init__(self, actors):
        self.countries = [a for a in actors if a.get("type") == "country"]
        self.by_code = {a.get("code"): a for a in self.countries}
        self.organisations = [a for a in actors if a.get("type") == "organisation"]
        self.groups = [a for a in actors if a.get("type") == "group"]
        self.people = [a for a in actors if a.get("type") == "person"]
        for p in self.people:
            titles = []
            for role in p["role"]:
                words = role.split()
                if words and words[-1][:1].isdigit():
                    words = words[:-1]
                if words:
                    titles.append(" ".join(w.capitalize() if w not in ("of", "for", "the") else w
                                           for w in words))
            p["titles"] = titles
            country = self.by_code.get(p.get("country", ""))
            p["demonym_of_country"] = country["demonym"][0] if country and country["demonym"] else ""
        self.capitals = [(c, cap) for c in self.countries for cap in c["capital"]]


# --- Vocabulary for templates -----------------------------------------------------------

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TOPICS = ["the war in the region", "trade and investment", "energy security", "climate finance",
          "the nuclear programme", "border tensions", "the humanitarian situation", "debt relief",
          "the ceasefire proposal", "maritime security", "counter-terrorism cooperation",
          "the grain export deal", "visa rules", "critical minerals", "the refugee crisis",
          "arms control", "food prices", "the upcoming election", "cyber attacks",
          "fishing rights", "the peace process", "sanctions relief", "a prisoner exchange",
          "the pipeline project", "vaccine supplies", "water sharing", "port access",
          "the disputed islands", "tariffs on steel", "a new rail corridor"]
ACTIONS = ["show restraint", "return to the negotiating table", "release the detained journalists",
           "lift the blockade", "respect the ceasefire", "withdraw its troops",
           "allow aid convoys through", "hold free and fair elections", "cut emissions faster",
           "reopen the border crossing", "stop the shelling of civilian areas",
           "join the investigation", "reconsider the tariffs", "resume grain exports",
           "free the hostages", "de-escalate", "pay its arrears", "honour its commitments"]
GERUNDS = ["violating the ceasefire", "interfering in the election", "harbouring militants",
           "stealing trade secrets", "blocking humanitarian aid", "destabilising the region",
           "spreading disinformation", "breaking the arms embargo", "backing the rebels",
           "dumping cheap steel", "launching cyber attacks", "detaining foreign nationals"]
PRAISE_FOR = ["its role in the talks", "the quick release of the prisoners", "its leadership",
              "the humanitarian corridor", "the peaceful transfer of power", "its support",
              "the successful summit", "its generous aid package", "the new climate pledge"]
AGREEMENTS = ["trade agreement", "defence pact", "energy deal", "memorandum of understanding",
              "free trade agreement", "security accord", "nuclear cooperation agreement",
              "currency swap deal", "peace agreement", "fisheries accord"]
ATTACK_NOUNS = ["drone strikes", "missile attacks", "air strikes", "a ground offensive",
                "artillery shelling", "a naval blockade"]
FILLER_SUBJECTS = ["Shares of the carmaker", "The central bank", "Local farmers", "The city council",
                   "Airline passengers", "The national football team", "Oil prices", "The weather service",
                   "Retail sales", "The university", "Health officials", "The stock index",
                   "Train operators", "A group of residents", "The opposition party", "Rescue workers",
                   "The tech company", "Grain traders", "The hospital", "Tourism operators",
                   "The election commission", "Construction firms", "The port authority",
                   "Small businesses", "The teachers' union", "Consumer prices", "The housing market"]
FILLER_VERBS = ["rose", "fell", "reported", "announced", "warned of", "welcomed", "struggled with",
                "recovered from", "braced for", "celebrated", "complained about", "prepared for",
                "postponed", "approved", "rejected", "expected", "called for", "criticised"]
FILLER_OBJECTS = ["a sharp rise in costs", "heavy rain over the weekend", "the new budget",
                  "a record harvest", "delays of up to three hours", "a late winner",
                  "higher interest rates", "the heatwave", "a shortage of workers",
                  "the planned strike", "a surge in demand", "weaker exports", "the flood warnings",
                  "a new stadium", "fewer visitors than last year", "rising rents",
                  "a software outage", "the road closures", "stronger quarterly profits"]
FILLER_TAILS = ["", "", " this week", " last month", " on {day}", " for the {ord} time this year",
                ", officials said", ", according to a statement", ", the report showed",
                " despite the uncertainty", " after months of debate", ", analysts said",
                " by {num} percent", " to {num} million dollars", ", local media reported"]
ORDINALS = ["second", "third", "fourth", "fifth"]
QUOTES = ["We will not accept any threat to our sovereignty",
          "The door to dialogue remains open", "This is a turning point for the region",
          "We expect concrete steps, not words", "Our partnership has never been stronger",
          "The situation on the ground is deteriorating", "Nobody wins a trade war",
          "We are ready to help in any way we can"]
HEADLINE_FILLER = ["Markets edge higher as inflation cools", "Storm leaves thousands without power",
                   "Parliament debates new budget", "Fuel prices climb for third week",
                   "Record turnout expected in local polls", "Floods hit farming regions",
                   "Football: late goal settles derby", "Tech shares lead rebound"]


class Writer:
    def __init__(self, lexicon, rng, popularity):
        self.lex = lexicon
        self.rng = rng
        # News is about a few actors most of the time: with "zipf", the actor of rank r (in
        # a seeded order) is drawn with weight 1/r, so the graph grows more slowly than the
        # corpus, as it does with real news; "uniform" draws every actor alike, the worst
        # case for the graph's size.
        self.weights = {}
        for kind in ("people", "countries", "organisations", "groups"):
            actors = list(getattr(lexicon, kind))
            rng.shuffle(actors)
            cumulative, total = [], 0.0
            for rank in range(len(actors)):
                total += 1.0 / (rank + 1) if popularity == "zipf" else 1.0
                cumulative.append(total)
            self.weights[kind] = (actors, cumulative)

    def pick(self, kind):
        actors, cumulative = self.weights[kind]
        return self.rng.choices(actors, cum_weights=cumulative)[0]

    # Noun phrases -------------------------------------------------------------------

    def person_first(self, p):
        """A first mention of a person: title and name, in one of the ways news does it."""
        r = self.rng.random()
        name = p["name"] if not p["alias"] or r < 0.7 else self.rng.choice(p["alias"])
        if not p["titles"]:
            return name
        title = self.rng.choice(p["titles"])
        demonym = p["demonym_of_country"]
        if r < 0.35 and demonym:
            return f"{demonym} {title} {name}"
        if r < 0.55:
            return f"{title} {name}"
        if r < 0.7 and demonym:
            return f"{name}, the {demonym} {title.lower()},"
        return name

    def person_again(self, p):
        words = p["name"].split()
        r = self.rng.random()
        if r < 0.5 and len(words) > 1:
            return words[-1]
        if r < 0.7:
            return "he" if p.get("gender") == "male" else "she" if p.get("gender") == "female" else words[-1]
        return p["name"]

    def country(self, c=None):
        c = c or self.rng.choice(self.lex.countries)
        r = self.rng.random()
        if r < 0.15 and c["capital"]:
            return self.rng.choice(c["capital"])
        if r < 0.25 and c["demonym"]:
            return f"the {c['demonym'][0]} government"
        if r < 0.4 and c["alias"]:
            return self.rng.choice(c["alias"])
        return c["name"]

    def organisation(self):
        o = self.pick("organisations")
        if o["alias"] and self.rng.random() < 0.4:
            return self.rng.choice(o["alias"])
        words = o["name"].split()
        return o["name"] if len(words) == 1 or words[-1] == "International" else "the " + o["name"]

    def place(self):
        c, cap = self.rng.choice(self.lex.capitals)
        return cap if self.rng.random() < 0.7 else c["name"]

    def when(self):
        r = self.rng.random()
        if r < 0.4:
            return "on " + self.rng.choice(DAYS)
        if r < 0.6:
            return f"on {self.rng.randint(1, 28)} {self.rng.choice(MONTHS)}"
        if r < 0.75:
            return f"on {self.rng.choice(MONTHS)} {self.rng.randint(1, 28)}"
        return self.rng.choice(["last week", "earlier this month", "next week", "this year", "late on " +
                                self.rng.choice(DAYS), "in " + self.rng.choice(MONTHS)])

    def day(self):
        return self.rng.choice(DAYS)

    # Sentences ----------------------------------------------------------------------

    def relation(self, x, y):
        rng = self.rng
        t = rng.randrange(24)
        w = self.when()
        if t == 0: return f"{x} met {y} in {self.place()} {w} to discuss {rng.choice(TOPICS)}."
        if t == 1: return f"{x} held talks with {y} {w} on {rng.choice(TOPICS)}."
        if t == 2: return f"{x} will visit {self.place()} {w} for talks on {rng.choice(TOPICS)}."
        if t == 3: return f"{x} urged {y} to {rng.choice(ACTIONS)}."
        if t == 4: return f"{x} warned {y} against {rng.choice(GERUNDS)}."
        if t == 5: return f"{x} criticised {y} over {rng.choice(TOPICS)} {w}."
        if t == 6: return f"{x} praised {y} for {rng.choice(PRAISE_FOR)}."
        if t == 7: return f"{x} imposed new sanctions on {y} {w}, citing {rng.choice(TOPICS)}."
        if t == 8: return f"{x} spoke by phone with {y} {w}, a statement said."
        if t == 9: return f"{x} signed a {rng.choice(AGREEMENTS)} with {y} in {self.place()}."
        if t == 10: return f"{x} accused {y} of {rng.choice(GERUNDS)}."
        if t == 11: return f"{x} has refrained from publicly criticising {y} over {rng.choice(TOPICS)}."
        if t == 12: return f"{x} is expected to meet {y} on the sidelines of the summit {w}."
        if t == 13: return f"Talks between {x} and {y} resumed {w} after a pause of {rng.randint(2, 11)} months."
        if t == 14: return f"{x} welcomed {y} at the airport {w}."
        if t == 15: return f"{x} told {y} that {rng.choice(TOPICS)} would top the agenda."
        if t == 16: return f"{x} launched {rng.choice(ATTACK_NOUNS)} on {y} {w}, officials said."
        if t == 17: return f"{x} backed {y} in the dispute over {rng.choice(TOPICS)}."
        if t == 18: return f"{x} called {y} {w} to discuss {rng.choice(TOPICS)}."
        if t == 19: return f"{x} did not condemn {y}, and instead called for {rng.choice(['dialogue', 'calm', 'restraint'])}."
        if t == 20: return f"{x} arrived in {self.place()} {w} for a {rng.randint(2, 4)}-day official visit."
        if t == 21: return f"{y} was criticised by {x} for {rng.choice(GERUNDS)}."
        if t == 22: return f"In a phone call {w}, {x} urged {y} to {rng.choice(ACTIONS)}."
        return f"{x} and {y} met in {self.place()} {w} and agreed to expand cooperation on {rng.choice(TOPICS)}."

    def statement(self, x):
        rng = self.rng
        t = rng.randrange(6)
        if t == 0: return f"{x} said {rng.choice(TOPICS)} remained a priority."
        if t == 1: return f"\u201c{rng.choice(QUOTES)},\u201d {x} told reporters {self.when()}."
        if t == 2: return f"According to {x}, {rng.choice(TOPICS)} was discussed at length."
        if t == 3: return f"\"{rng.choice(QUOTES)},\" {x} said."
        if t == 4: return f"{x} added that talks on {rng.choice(TOPICS)} would continue {self.when()}."
        return f"The remarks by {x} drew a sharp response from opposition lawmakers."

    def filler(self):
        rng = self.rng
        tail = rng.choice(FILLER_TAILS).format(day=self.day(), ord=rng.choice(ORDINALS),
                                               num=rng.randint(2, 900))
        s = f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} {rng.choice(FILLER_OBJECTS)}{tail}."
        if rng.random() < 0.3:
            s += f" {rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} {rng.choice(FILLER_OBJECTS)}."
        return s

    # Articles -----------------------------------------------------------------------

    def cast(self):
        """The few actors an article is about, each with its first and later mentions."""
        rng = self.rng
        actors = []
        for _ in range(rng.randint(2, 5)):
            r = rng.random()
            if r < 0.55:
                p = self.pick("people")
                actors.append({"first": self.person_first(p), "again": lambda p=p: self.person_again(p),
                               "seen": False})
            elif r < 0.85:
                c = self.pick("countries")
                actors.append({"first": self.country(c), "again": lambda c=c: self.country(c), "seen": False})
            elif r < 0.95:
                actors.append({"first": self.organisation(), "again": self.organisation, "seen": False})
            else:
                g = self.pick("groups")
                actors.append({"first": g["name"], "again": lambda g=g: g["name"], "seen": False})
        return actors

    def mention(self, actor, sentence_start):
        if not actor["seen"]:
            actor["seen"] = True
            text = actor["first"]
        else:
            text = actor["again"]()
        if text.endswith(","):
            text = text[:-1]
        if sentence_start and text[:1].islower():
            text = text[0].upper() + text[1:]
        return text

    def article(self):
        rng = self.rng
        r = rng.random()
        if r < 0.2:
            n = rng.randint(1, 3)  # a wire item
        elif r < 0.6:
            n = rng.randint(6, 20)
        elif r < 0.9:
            n = rng.randint(20, 50)
        else:
            n = rng.randint(50, 150)  # a long feature
        cast = self.cast()
        parts = []
        if rng.random() < 0.6:
            if rng.random() < 0.5:
                a, b = rng.sample(cast, 2)
                parts.append(f"{self.mention(a, True)} and {self.mention(b, False)} to hold talks on "
                             f"{rng.choice(TOPICS)}\n\n")
            else:
                parts.append(rng.choice(HEADLINE_FILLER) + "\n\n")
        if rng.random() < 0.3:
            parts.append(f"{self.place().upper()}, {rng.choice(MONTHS)} {rng.randint(1, 28)} (Wire) - ")
        in_paragraph = 0
        for _ in range(n):
            r = rng.random()
            if r < 0.35:
                a, b = rng.sample(cast, 2)
                x = self.mention(a, True)
                y = self.mention(b, False)
                if rng.random() < 0.1:
                    y += " and " + self.mention(rng.choice(cast), False)
                s = self.relation(x, y)
            elif r < 0.55:
                s = self.statement(self.mention(rng.choice(cast), True))
            else:
                s = self.filler()
            if rng.random() < 0.05:
                s = s.replace("'", "\u2019")
            parts.append(s)
            in_paragraph += 1
            if in_paragraph >= rng.randint(1, 4):
                parts.append("\n\n")
                in_paragraph = 0
            else:
                parts.append(" ")
        return "".join(parts).strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, required=True, help="size of the corpus in MB (10^6 bytes)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", default="-", help="output file; '-' for stdout")
    parser.add_argument("--actors", default=ACTORS_DIR, help="folder of *.actors files")
    parser.add_argument("--popularity", choices=["zipf", "uniform"], default="zipf",
                        help="how often each actor is drawn (default: zipf, as in real news)")
    args = parser.parse_args()

    lexicon = Lexicon(parse_actors(args.actors))
    if not lexicon.people or not lexicon.countries:
        sys.exit(f"make_corpus.py: no people or countries in {args.actors}")
    rng = random.Random(args.seed)
    writer = Writer(lexicon, rng, args.popularity)
    target = int(args.mb * 1_000_000)
    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    written = 0
    index = 0
    with out:
        while written < target:
            date = f"{rng.randint(1995, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            record = {"id": f"gen-{args.seed}-{index:08d}", "date": date, "text": writer.article()}
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            out.write(line)
            written += len(line)
            index += 1
    print(f"make_corpus.py: {index} articles, {written} bytes -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
