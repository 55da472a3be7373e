// Fuzz check of the rule-file parsers (extract/lexicon.h, extract/relation_rules.h): on
// any text a rule file may hold, Load either succeeds or throws actorgraph::Error with a
// one-line "file:line: what" message. Any other exception, a crash or a hang is a bug.
// What Load returns must keep the lookups and Match contracts of the headers.
#ifndef ACTORGRAPH_FUZZ_RULE_PARSER_CHECK_H_
#define ACTORGRAPH_FUZZ_RULE_PARSER_CHECK_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "extract/error.h"
#include "extract/lexicon.h"
#include "extract/relation_rules.h"
#include "extract/rule_source.h"
#include "fuzz/fuzz_check.h"

namespace actorgraph::fuzz {

// An Error from a rule file names it and a line: "path:N: ...", on one line.
inline void CheckRuleError(const Error& e, const std::vector<RuleSource>& sources) {
  const std::string message = e.what();
  FUZZ_CHECK(message.find('\n') == std::string::npos, "not one line: " + Excerpt(message));
  bool names_a_file = false;
  for (const RuleSource& source : sources) {
    if (message.starts_with(source.path + ":")) names_a_file = true;
  }
  FUZZ_CHECK(names_a_file, "names no rule file: " + Excerpt(message));
}

inline void CheckLexicon(const Lexicon& lexicon) {
  const std::vector<Actor>& actors = lexicon.actors();
  for (std::size_t i = 0; i < actors.size(); ++i) {
    const int found = lexicon.FindActor(actors[i].name);
    FUZZ_CHECK(found >= 0 && actors[found].name == actors[i].name,
               "FindActor misses '" + Excerpt(actors[i].name) + "'");
  }
  for (const LexiconName& name : lexicon.names()) {
    FUZZ_CHECK(name.actor >= 0 && static_cast<std::size_t>(name.actor) < actors.size(),
               "name '" + Excerpt(name.text) + "' points past the actors");
    const LexiconName* found = lexicon.FindName(name.text);
    FUZZ_CHECK(found != nullptr && found->text == name.text,
               "FindName misses '" + Excerpt(name.text) + "'");
    // Surname and GivenName must cope with any name.
    const std::string_view surname = Surname(name.text);
    const std::string_view given = GivenName(name.text);
    FUZZ_CHECK(name.text.find(surname) != std::string::npos, "Surname invents text");
    FUZZ_CHECK(name.text.find(given) != std::string::npos, "GivenName invents text");
  }
}

// Matches sentences made of placeholders and each relation's own name, and checks each
// match against the sentence.
inline void CheckRelationRules(const RelationRules& rules) {
  const std::vector<RelationType>& types = rules.types();
  std::vector<std::string> sentences;
  const std::string a = RelationRules::Placeholder(0, 'P');
  const std::string b = RelationRules::Placeholder(1, 'C');
  const std::string c = RelationRules::Placeholder(2, 'O');
  const std::string d = RelationRules::Placeholder(3, 'L');
  for (const RelationType& type : types) {
    sentences.push_back(a + " " + type.name + " " + b + " and " + c + " in " + d + ".");
    sentences.push_back("talks between " + a + " and " + b + " " + type.name + " " + c);
  }
  const int kMentions = 4;
  for (const std::string& sentence : sentences) {
    for (const RuleMatch& match : rules.Match(sentence)) {
      FUZZ_CHECK(match.type >= 0 && static_cast<std::size_t>(match.type) < types.size(), "type");
      FUZZ_CHECK(!rules.pattern_location(match.pattern).empty(), "pattern without location");
      FUZZ_CHECK(match.begin <= match.end && match.end <= sentence.size(), "match range");
      for (const std::vector<int>* list : {&match.sources, &match.targets, &match.participants}) {
        for (int mention : *list) {
          FUZZ_CHECK(mention >= 0 && mention < kMentions,
                     "mention " + std::to_string(mention) + " is not in the sentence");
        }
      }
      std::size_t previous = 0;
      for (auto [begin, end] : match.lists) {
        FUZZ_CHECK(begin >= previous && begin <= end && end <= sentence.size(), "list range");
        previous = begin;
      }
    }
  }
}

// The first byte says which layers the fuzzed file joins: bit 0 marks it built-in, bit 1
// puts the real built-in grammar (its macros) and country list before it. The rest is
// the text of one file, loaded both as an .actors and as a .rules file.
inline void CheckRuleParser(const std::uint8_t* data, std::size_t size,
                            const std::vector<RuleSource>& builtin_sources) {
  std::uint8_t flags = 0;
  if (size > 0) {
    flags = data[0];
    ++data;
    --size;
  }
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<RuleSource> sources;
  if (flags & 2) {
    for (const RuleSource& source : builtin_sources) {
      if (source.path.ends_with("grammar.rules") || source.path.ends_with("countries.actors")) {
        sources.push_back(source);
      }
    }
  }
  const bool builtin = (flags & 1) != 0;
  sources.push_back({"fuzz/user.actors", text, builtin});
  sources.push_back({"fuzz/user.rules", text, builtin});

  try {
    CheckLexicon(Lexicon::Load(sources));
  } catch (const Error& e) {
    CheckRuleError(e, sources);
  } catch (const CheckFailure&) {
    throw;
  } catch (const std::exception& e) {
    FUZZ_CHECK(false, std::string("Lexicon::Load threw something else than Error: ") + e.what());
  }
  try {
    CheckRelationRules(RelationRules::Load(sources));
  } catch (const Error& e) {
    CheckRuleError(e, sources);
  } catch (const CheckFailure&) {
    throw;
  } catch (const std::exception& e) {
    FUZZ_CHECK(false, std::string("RelationRules::Load threw something else than Error: ") + e.what());
  }
}

}  // namespace actorgraph::fuzz

#endif  // ACTORGRAPH_FUZZ_RULE_PARSER_CHECK_H_
