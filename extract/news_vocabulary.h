// The words of news English the extractor relies on (titles, state nouns, locatives,
// negation and modality cues), loaded from the *.words rule files so users can extend
// them without recompiling. Format: extract/rules/language.words.
#ifndef ACTORGRAPH_EXTRACT_NEWS_VOCABULARY_H_
#define ACTORGRAPH_EXTRACT_NEWS_VOCABULARY_H_

#include <string>
#include <vector>

#include "extract/rule_source.h"

namespace actorgraph {

struct NewsVocabulary {
  std::vector<std::string> titles;             // "Foreign Minister", "spokesperson"
  std::vector<std::string> title_modifiers;    // "Deputy", "Russian Foreign Ministry"
  std::vector<std::string> state_nouns;        // "government", "forces"
  std::vector<std::string> locatives;          // "in", "at"
  std::vector<std::string> organisation_words; // "Ministry": never part of a person's name
  std::vector<std::string> reporting_verbs;    // "said", "told": their subject is a person
  std::vector<std::string> negation;           // "refrained from"
  std::vector<std::string> planned;            // "will", "expected to"

  // Collects the phrases of every *.words file in `sources`. Throws Error
  // "file:line: unknown kind 'x'" for a kind not listed above, and "file:line: a title
  // must start with a letter or digit: '(x)'" for a title, title modifier or reporting verb
  // that starts with punctuation: the actor finder looks for those at word starts only.
  static NewsVocabulary Load(const std::vector<RuleSource>& sources);
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_NEWS_VOCABULARY_H_
