#include "extract/news_vocabulary.h"

#include "extract/error.h"
#include "extract/word_bytes.h"

namespace actorgraph {

NewsVocabulary NewsVocabulary::Load(const std::vector<RuleSource>& sources) {
  NewsVocabulary vocabulary;
  const std::pair<const char*, std::vector<std::string>*> kinds[] = {
      {"title", &vocabulary.titles},
      {"title-modifier", &vocabulary.title_modifiers},
      {"state-noun", &vocabulary.state_nouns},
      {"locative", &vocabulary.locatives},
      {"organisation-word", &vocabulary.organisation_words},
      {"reporting-verb", &vocabulary.reporting_verbs},
      {"negation", &vocabulary.negation},
      {"planned", &vocabulary.planned},
  };
  for (const RuleSource* source : SourcesWithExtension(sources, ".words")) {
    for (const RuleLine& line : SplitRuleLines(source->text)) {
      std::vector<std::string>* list = nullptr;
      for (const auto& [kind, target] : kinds) {
        if (line.field == kind) list = target;
      }
      if (list == nullptr) {
        throw Error(RuleError(source->path, line.number, "unknown kind '" + std::string(line.field) + "'"));
      }
      const bool starts_a_word = list == &vocabulary.titles || list == &vocabulary.title_modifiers ||
                                 list == &vocabulary.reporting_verbs;
      for (std::string& phrase : SplitAlternatives(line.value)) {
        if (starts_a_word && !phrase.empty() && !IsWordByte(phrase.front())) {
          throw Error(RuleError(source->path, line.number,
                                "a " + std::string(line.field) + " must start with a letter or digit: '" + phrase + "'"));
        }
        list->push_back(std::move(phrase));
      }
    }
  }
  return vocabulary;
}

}  // namespace actorgraph
