#include "extract/relation_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "extract/error.h"
#include "extract/rule_source.h"

namespace actorgraph {
namespace {

RuleSource File(const std::string& path, const std::string& text) { return {path, text, false}; }

std::string LoadError(const std::vector<RuleSource>& sources, int threads = 1) {
  try {
    RelationRules::Load(sources, threads);
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

// Writes a placeholder sentence: "{P0} met {C1}" -> "\x01P0\x02 met \x01C1\x02".
std::string Sentence(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      std::size_t close = text.find('}', i);
      out += RelationRules::Placeholder(std::stoi(text.substr(i + 2, close - i - 2)), text[i + 1]);
      i = close;
    } else {
      out += text[i];
    }
  }
  return out;
}

// "met 0>1" per pair: sources to targets, participants pairwise.
std::vector<std::string> Pairs(const RelationRules& rules, const std::string& text) {
  std::vector<std::string> pairs;
  for (const RuleMatch& match : rules.Match(Sentence(text))) {
    const std::string& name = rules.types()[match.type].name;
    for (int s : match.sources)
      for (int t : match.targets) pairs.push_back(name + " " + std::to_string(s) + ">" + std::to_string(t));
    for (std::size_t i = 0; i < match.participants.size(); ++i)
      for (std::size_t j = i + 1; j < match.participants.size(); ++j)
        pairs.push_back(name + " " + std::to_string(match.participants[i]) + "-" +
                        std::to_string(match.participants[j]));
  }
  return pairs;
}

using Strings = std::vector<std::string>;

TEST(RelationRules, PlaceholderFormat) {
  EXPECT_EQ(RelationRules::Placeholder(0, 'P'), "\x01P0\x02");
  EXPECT_EQ(RelationRules::Placeholder(12, 'L'), "\x01L12\x02");
  std::string sentence = "met ";
  RelationRules::AppendPlaceholder(2147483647, 'C', &sentence);
  EXPECT_EQ(sentence, "met \x01" "C2147483647\x02");
}

TEST(RelationRules, ReadsTypesAndTheirFields) {
  RelationRules rules = RelationRules::Load({File("r/m.rules", R"(# Meetings.
relation met
  symmetric yes
  family cooperation
  cameo 04
  pattern {X} met {Y}

relation scolded
  pattern {X} scolded {Y}
)")});
  ASSERT_EQ(rules.types().size(), 2u);
  EXPECT_EQ(rules.types()[0].name, "met");
  EXPECT_TRUE(rules.types()[0].symmetric);
  EXPECT_EQ(rules.types()[0].family, "cooperation");
  EXPECT_EQ(rules.types()[0].cameo, "04");
  EXPECT_EQ(rules.types()[0].defined_at, "r/m.rules:2");
  EXPECT_FALSE(rules.types()[1].symmetric);
  EXPECT_EQ(rules.types()[1].family, "neutral");  // the default
  EXPECT_EQ(rules.pattern_location(0), "r/m.rules:6");
  EXPECT_EQ(rules.pattern_location(1), "r/m.rules:9");
}

TEST(RelationRules, OnlyRulesFilesAreRead) {
  RelationRules rules = RelationRules::Load({File("r/a.actors", "actor Chile\n  type country\n"),
                                             File("r/m.rules", "relation met\n  pattern {X} met {Y}\n")});
  EXPECT_EQ(rules.types().size(), 1u);
}

TEST(RelationRules, ErrorsNameFileAndLine) {
  struct Case {
    std::vector<RuleSource> sources;
    std::string error;
  };
  const Case cases[] = {
      {{File("r/a.rules", "relation met\n  pattern {X} (met {Y}\n")},
       "r/a.rules:2: bad pattern: missing )"},  // RE2's message, checked by prefix below
      {{File("r/a.rules", "relation met\n  symmetric yes\n  colour red\n")}, "r/a.rules:3: unknown field 'colour'"},
      {{File("r/a.rules", "relation met\n  pattern {X}{SOON} met {Y}\n")}, "r/a.rules:2: unknown macro {SOON}"},
      {{File("r/a.rules", "relation met\n  pattern {X} met the press\n")},
       "r/a.rules:2: a pattern needs both {X} and {Y}, or {P}"},
      {{File("r/a.rules", "relation met\n  pattern talks with {Y}\n")},
       "r/a.rules:2: a pattern needs both {X} and {Y}, or {P}"},
      {{File("r/a.rules", "relation urged\n  pattern {P} urged each other\n")},
       "r/a.rules:2: {P} is for symmetric relations; use {X} and {Y}"},
      {{File("r/a.rules", "relation met\n  symmetric yes\n  pattern {P} met {Y}\n")},
       "r/a.rules:3: a pattern uses either {P} or {X} and {Y}"},
      {{File("r/a.rules", "relation met\n  pattern {X} met {Y}\n"),
        File("r/b.rules", "\nrelation met\n  pattern {X} talked to {Y}\n")},
       "r/b.rules:2: relation 'met' already defined at r/a.rules:1"},
      {{File("r/a.rules", "define SOON (?:soon)\n"), File("r/b.rules", "# later\ndefine SOON (?:later)\n")},
       "r/b.rules:2: macro 'SOON' already defined at r/a.rules:1"},
      {{File("r/a.rules", "  pattern {X} met {Y}\n")}, "r/a.rules:1: 'pattern' outside a relation block"},
      {{File("r/a.rules", "relation met\n  pattern {X} met {Y:building}\n")},
       "r/a.rules:2: unknown actor type 'building' (person, country, organisation, group, place, actor)"},
      {{File("r/a.rules", "relation met\n  pattern {X} met {X}\n")}, "r/a.rules:2: {X} used twice in one pattern"},
      {{File("r/a.rules", "relation met\n  symmetric maybe\n")}, "r/a.rules:2: symmetric must be yes or no: 'maybe'"},
      {{File("r/a.rules", "relation met\n  family friendly\n")},
       "r/a.rules:2: family must be cooperation, conflict or neutral: 'friendly'"},
      {{File("r/a.rules", "define LOOP a{LOOP}\nrelation met\n  pattern {X}{LOOP}{Y}\n")},
       "r/a.rules:3: macros nest too deeply (a macro that uses itself?)"},
  };
  for (const Case& c : cases) {
    std::string error = LoadError(c.sources);
    if (c.error.find("bad pattern") != std::string::npos) {
      EXPECT_EQ(error.substr(0, c.error.size()), c.error) << error;
    } else {
      EXPECT_EQ(error, c.error);
    }
  }
}

TEST(RelationRules, ABadRegexShowsRe2sMessage) {
  std::string error = LoadError({File("mine/x.rules", "relation met\n\n  pattern {X} met{2,1} {Y}\n")});
  EXPECT_EQ(error.rfind("mine/x.rules:3: bad pattern: invalid repetition size: {2,1}", 0), 0u) << error;
}

TEST(RelationRules, MacrosMayComeFromAnyFileInAnyOrder) {
  RelationRules rules = RelationRules::Load({File("r/a.rules", "relation met\n  pattern {X} {MEET} {Y}\n"),
                                             File("r/b.rules", "define MEET (?:met|{SAW})\ndefine SAW saw\n")});
  EXPECT_EQ(Pairs(rules, "{P0} saw {P1}."), Strings{"met 0>1"});
}

TEST(RelationRules, HashInsideAPatternIsNoComment) {
  RelationRules rules = RelationRules::Load({File("r/a.rules", "relation met\n  pattern {X} met #{Y}\n")});
  EXPECT_EQ(Pairs(rules, "{P0} met #{P1}."), Strings{"met 0>1"});
}

TEST(RelationRules, CapturesListsOfActors) {
  RelationRules rules = RelationRules::Load({File("r/a.rules", R"(relation met
  symmetric yes
  pattern {X} met {Y}
  pattern talks between {P}
relation urged
  pattern {X} urged {Y}
)")});
  struct Case {
    std::string sentence;
    Strings pairs;
  };
  const Case cases[] = {
      {"{P0} met {P1}.", {"met 0>1"}},
      {"{P0} met {P1} and {P2}.", {"met 0>1", "met 0>2"}},
      {"{P0} and {C1} met {P2}, {P3} and {P4}.", {"met 0>2", "met 0>3", "met 0>4", "met 1>2", "met 1>3", "met 1>4"}},
      {"Both {C0} and {C1} met {O2}.", {"met 0>2", "met 1>2"}},
      {"{P0} met {P1} as well as his {P2}.", {"met 0>1", "met 0>2"}},
      {"talks between {C0}, {C1} and {C2} resumed", {"met 0-1", "met 0-2", "met 1-2"}},
      // A comma alone does not make a list: the second is not the first's partner.
      {"Besides {P0}, {P1} urged {P2}.", {"urged 1>2"}},
      // Patterns ignore case.
      {"{P0} URGED {P1}.", {"urged 0>1"}},
      {"{P0} spoke.", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Pairs(rules, c.sentence), c.pairs) << c.sentence;
}

TEST(RelationRules, TypedPlaceholdersRestrictTheActors) {
  RelationRules rules = RelationRules::Load({File("r/a.rules", R"(relation visited
  pattern {X:person} visited {Y:place}
relation attacked
  pattern {X} attacked {Y:country+group}
relation joined
  pattern {X} joined {Y:organisation}
)")});
  struct Case {
    std::string sentence;
    Strings pairs;
  };
  const Case cases[] = {
      {"{P0} visited {C1}.", {"visited 0>1"}},
      {"{P0} visited {L1}.", {"visited 0>1"}},   // a place named as a location
      {"{P0} visited {P1}.", {}},                // a person is no place
      {"{C0} visited {C1}.", {}},                // {X:person}
      {"{C0} attacked {G1}.", {"attacked 0>1"}},
      {"{C0} attacked {C1}.", {"attacked 0>1"}},
      {"{C0} attacked {O1}.", {}},
      {"{C0} attacked {L1}.", {}},               // untyped and typed alike never take a location...
      {"{L0} attacked {C1}.", {}},               // ...unless the type says place
      {"{C0} joined {O1}.", {"joined 0>1"}},
      {"{C0} joined {C1}.", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Pairs(rules, c.sentence), c.pairs) << c.sentence;
}

TEST(RelationRules, MatchReportsWhereItsListsAre) {
  RelationRules rules = RelationRules::Load({File("r/a.rules", "relation urged\n  pattern {X} urged {Y}\n")});
  std::string sentence = Sentence("Then {P0} urged {C1} and {C2} again.");
  std::vector<RuleMatch> matches = rules.Match(sentence);
  ASSERT_EQ(matches.size(), 1u);
  const RuleMatch& m = matches[0];
  EXPECT_EQ(sentence.substr(m.begin, m.end - m.begin), Sentence("{P0} urged {C1} and {C2}"));
  ASSERT_EQ(m.lists.size(), 2u);
  EXPECT_EQ(sentence.substr(m.lists[0].first, m.lists[0].second - m.lists[0].first), Sentence("{P0}"));
  EXPECT_EQ(sentence.substr(m.lists[1].first, m.lists[1].second - m.lists[1].first), Sentence("{C1} and {C2}"));
  EXPECT_EQ(m.sources, (std::vector<int>{0}));
  EXPECT_EQ(m.targets, (std::vector<int>{1, 2}));
}

// A user's pattern may make a list optional; when it takes no part, the match reports
// only the lists that did, and no actors for the missing one.
TEST(RelationRules, AnOptionalListThatTakesNoPartIsLeftOut) {
  RelationRules rules = RelationRules::Load({File("r/a.rules", "relation met\n  pattern (?:{X} )?met {Y}\n")});
  std::string sentence = Sentence("Later met {P1} twice.");
  std::vector<RuleMatch> matches = rules.Match(sentence);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_TRUE(matches[0].sources.empty());
  EXPECT_EQ(matches[0].targets, std::vector<int>{1});
  ASSERT_EQ(matches[0].lists.size(), 1u);
  EXPECT_EQ(sentence.substr(matches[0].lists[0].first, matches[0].lists[0].second - matches[0].lists[0].first),
            Sentence("{P1}"));
}

TEST(RelationRules, MatchesOfOnePatternDoNotOverlap) {
  RelationRules rules = RelationRules::Load({File("r/a.rules", "relation met\n  pattern {X} met {Y}\n")});
  // The second actor is the first match's target, not the subject of a second one.
  EXPECT_EQ(Pairs(rules, "{P0} met {P1} met {P2}."), Strings{"met 0>1"});
  EXPECT_EQ(Pairs(rules, "{P0} met {P1}; {P2} met {P3}."), (Strings{"met 0>1", "met 2>3"}));
}

// Everything a match reports, as one line per match.
std::vector<std::string> Describe(const std::vector<RuleMatch>& matches) {
  std::vector<std::string> lines;
  for (const RuleMatch& m : matches) {
    std::ostringstream line;
    line << "type " << m.type << " pattern " << m.pattern << " at " << m.begin << "-" << m.end << " X";
    for (int i : m.sources) line << " " << i;
    line << " Y";
    for (int i : m.targets) line << " " << i;
    line << " P";
    for (int i : m.participants) line << " " << i;
    line << " lists";
    for (auto [begin, end] : m.lists) line << " " << begin << "-" << end;
    lines.push_back(line.str());
  }
  return lines;
}

// The same rules with every pattern wrapped in a group: "pattern (?:{X} met {Y})". The
// regex means the same, but its lists no longer stand at its top level, so Match finds
// them with RE2's capturing search rather than by placing them (see ListPlacer).
std::vector<RuleSource> Wrapped(std::vector<RuleSource> sources) {
  for (RuleSource& source : sources) {
    if (source.path.size() < 6 || source.path.substr(source.path.size() - 6) != ".rules") continue;
    std::istringstream in(source.text);
    std::string line, out;
    while (std::getline(in, line)) {
      std::size_t at = line.find("pattern ");
      if (at != std::string::npos && line.find_first_not_of(' ') == at) {
        line = line.substr(0, at) + "pattern (?:" + line.substr(at + 8) + ")";
      }
      out += line + "\n";
    }
    source.text = out;
  }
  return sources;
}

// Random placeholder sentences from the words the rules look for: placeholders of every
// role, lists, determiners, auxiliaries, parentheticals, verbs and their objects.
std::vector<std::string> RandomSentences(int count, unsigned seed) {
  static const char* const kWords[] = {
      "met",       "met with",  "meets",      "held talks with", "talks with", "talks between", "visited",
      "urged",     "told",      "was told by", "called",        "spoke to",    "signed",       "a deal with",
      "criticised", "praised",  "attacked",   "abstained",       "sanctions on", "and",         "or",
      "both",      "either",    "as well as", "along with",      "the",         "his",          "their",
      "who",       "which",     "has",        "will",            "is expected to", "on Monday", "later",
      "reportedly", "also",     "in",         "to",              "at",          "after meeting", "during his visit to",
      "said",      "a meeting with", "by phone", "Russia's",     "'s",          "invasion of",  "backed",
      "phone call between", "summit", "-",    "to meet",         "responsible", "held",         "BOTH",
      "Met",       "Either",    "was",        "by",              "AND",         "hi\xC5\xBF",  "It\xC5\xBF",
      "AS WELL AS", "Along with", "their",    "her",             ", and"};
  static const char* const kPunctuation[] = {" ", " ", " ", " ", ", ", ": ", "; ", " & "};
  std::mt19937 random(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  std::vector<std::string> sentences;
  for (int s = 0; s < count; ++s) {
    std::string sentence;
    int mention = 0;
    int tokens = 2 + static_cast<int>(pick(14));
    for (int t = 0; t < tokens; ++t) {
      if (!sentence.empty()) sentence += kPunctuation[pick(std::size(kPunctuation))];
      if (pick(3) == 0) {
        sentence += RelationRules::Placeholder(mention++, "PCOGL"[pick(5)]);
      } else {
        sentence += kWords[pick(std::size(kWords))];
      }
    }
    sentences.push_back(pick(2) ? sentence + "." : sentence);
  }
  return sentences;
}

TEST(RelationRules, ListsPlacedWithoutCapturesAreTheOnesRe2Captures) {
  std::vector<RuleSource> sources = LoadRuleSources("");
  sources.push_back(File("r/tricky.rules", R"(relation tricky
  symmetric yes
  # Lists that more than one placement fits: RE2's priorities decide.
  pattern {X}{FAR}{Y}
  pattern {X}[^;]{0,40}?{Y:country}(?:[^;]{0,40}{Y2})?
  pattern {P}(?: [a-z]+)* {DET}\x01[PC]\d+\x02
  # Anchors, word boundaries and the start of a text.
  pattern ^{X} (?:said|told) {Y}$
  pattern \b{X}\b.{0,30}\b{Y}\b
  pattern (?:^|; ){P} (?:met|signed)
  # Lists that do not stand at the top level: never placed.
  pattern (?:{X}) urged {Y}
  pattern {X} urged {Y}|zzqx
  pattern {X}{1,2} told {Y}
define X2 summit
define Y2 meeting
)"));
  // As a run starts (a choice between placements left to the capturing search), and as
  // it goes on (decided by the pieces).
  RelationRules placed = RelationRules::Load(sources);
  RelationRules placed_by_pieces = relation_rules_internal::LoadCompilingPiecesAtFirstNeed(sources);
  RelationRules captured = RelationRules::Load(Wrapped(sources));
  // The second time, each choice is one remembered from the first.
  const std::vector<std::string> sentences = RandomSentences(4000, 7);
  std::size_t matched = 0;
  for (int pass : {1, 2}) {
    SCOPED_TRACE(pass);
    for (const std::string& sentence : sentences) {
      std::vector<RuleMatch> matches = placed.Match(sentence);
      matched += matches.size();
      const std::vector<std::string> expected = Describe(captured.Match(sentence));
      ASSERT_EQ(Describe(matches), expected) << sentence;
      ASSERT_EQ(Describe(placed_by_pieces.Match(sentence)), expected) << sentence;
    }
  }
  EXPECT_GT(matched, 4000u);  // the sentences exercise the rules
}

// A rule file error stops the parse, while patterns are compiled after it: the error
// reported is still the first in the files, whether a bad regex or another one comes
// first, on any number of threads.
TEST(RelationRules, TheFirstErrorInTheFilesIsReported) {
  const std::string bad_pattern = "  pattern {X} (met {Y}\n";
  const std::string bad_field = "  colour red\n";
  // "file:line: bad pattern", without RE2's message.
  auto error_at = [](const std::vector<RuleSource>& sources, int threads) {
    std::string error = LoadError(sources, threads);
    return error.substr(0, error.find(": ", error.find(": ") + 2));
  };
  for (int threads : {1, 2, 4}) {
    SCOPED_TRACE(threads);
    EXPECT_EQ(error_at({File("a.rules", "relation met\n" + bad_pattern + bad_field)}, threads),
              "a.rules:2: bad pattern");
    EXPECT_EQ(error_at({File("a.rules", "relation met\n" + bad_field + bad_pattern)}, threads),
              "a.rules:2: unknown field 'colour'");
    EXPECT_EQ(error_at({File("a.rules", "relation met\n" + bad_pattern), File("b.rules", "relation met\n")}, threads),
              "a.rules:2: bad pattern");
    EXPECT_EQ(error_at({File("a.rules", "relation met\n  pattern {X} met {Y}\n" + bad_pattern + bad_pattern)}, threads),
              "a.rules:3: bad pattern");
  }
}

// The extractor matches sentence after sentence into one vector: what an earlier sentence
// left there (more matches, longer lists, {P} where now {X} and {Y}) must not show.
TEST(RelationRules, MatchIntoAVectorReplacesWhatItHeld) {
  const RelationRules rules = RelationRules::Load(LoadRuleSources(""));
  std::vector<RuleMatch> matches;
  std::size_t matched = 0;
  for (const std::string& sentence : RandomSentences(3000, 17)) {
    rules.Match(sentence, &matches);
    matched += matches.size();
    ASSERT_EQ(Describe(matches), Describe(rules.Match(sentence))) << sentence;
  }
  EXPECT_GT(matched, 200u);  // the sentences exercise the rules
}

TEST(RelationRules, CompilingOnMoreThreadsChangesNothing) {
  const RelationRules one = RelationRules::Load(LoadRuleSources(""), 1);
  const RelationRules four = RelationRules::Load(LoadRuleSources(""), 4);
  ASSERT_EQ(one.types().size(), four.types().size());
  for (std::size_t i = 0; i < one.types().size(); ++i) EXPECT_EQ(one.types()[i].name, four.types()[i].name);
  for (const std::string& sentence : RandomSentences(1000, 13)) {
    EXPECT_EQ(Describe(one.Match(sentence)), Describe(four.Match(sentence)));
  }
}

TEST(RelationRules, MatchIsTheSameFromManyThreadsAtOnce) {
  const RelationRules rules = RelationRules::Load(LoadRuleSources(""));
  const std::vector<std::string> sentences = RandomSentences(1000, 11);
  std::vector<std::vector<std::string>> expected;
  for (const std::string& sentence : sentences) expected.push_back(Describe(rules.Match(sentence)));
  std::vector<int> differences(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < sentences.size(); ++i) {
          if (Describe(rules.Match(sentences[i])) != expected[i]) ++differences[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(differences, std::vector<int>(4, 0));
}

// A thread keeps the matcher it last used, whose caches belong to one set of rules (the
// prefilter's cache gives pattern numbers). Two sets that number the same patterns
// differently, used in turn on one thread, and rules loaded where others were freed,
// must each answer with their own patterns.
TEST(RelationRules, RulesUsedInTurnOnOneThreadKeepTheirOwnAnswers) {
  const std::string met = "relation met\n  pattern {X} met {Y}\n";
  const std::string urged = "relation urged\n  pattern {X} urged {Y}\n";
  const std::string warned = "relation warned\n  pattern {X} warned {Y}\n";
  for (int round = 0; round < 3; ++round) {
    const RelationRules first = RelationRules::Load({File("r/a.rules", met + urged)});
    const RelationRules second = RelationRules::Load({File("r/b.rules", warned + urged + met)});
    for (const RelationRules* rules : {&first, &second, &first, &second}) {
      EXPECT_EQ(Pairs(*rules, "{P0} met {P1}."), Strings{"met 0>1"});
      EXPECT_EQ(Pairs(*rules, "{P0} urged {P1}."), Strings{"urged 0>1"});
    }
  }
}

TEST(RelationRules, BuiltinRulesLoad) {
  RelationRules rules = RelationRules::Load(LoadRuleSources(""));
  Strings names;
  for (const RelationType& type : rules.types()) names.push_back(type.name);
  for (const char* name : {"met", "visited", "hosted", "called", "told", "urged", "welcomed", "praised",
                           "criticized", "blamed", "warned", "attacked", "sanctioned", "signed", "abstained",
                           "supported"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  for (const RelationType& type : rules.types()) {
    bool symmetric = type.name == "met" || type.name == "called" || type.name == "signed";
    EXPECT_EQ(type.symmetric, symmetric) << type.name;
  }
}

}  // namespace
}  // namespace actorgraph
