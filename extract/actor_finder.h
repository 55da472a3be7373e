// Finds the actors named in an article, sentence by sentence, and resolves the many ways
// news names one actor to a single one: lexicon names and their variants, titles before
// names ("Russian Foreign Minister Sergey Lavrov"), people the lexicon does not know
// ("spokesperson Arindam Bagchi", "Daleep Singh, the US deputy national security
// adviser", "Daleep Singh warned ..."), a surname or first name alone after the full name,
// a title alone ("the Indian leader"), "he"/"she", capitals and governments standing for
// their country, and demonyms that name a state ("the Russian invasion").
#ifndef ACTORGRAPH_EXTRACT_ACTOR_FINDER_H_
#define ACTORGRAPH_EXTRACT_ACTOR_FINDER_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "extract/actor.h"
#include "extract/lexicon.h"
#include "extract/news_vocabulary.h"
#include "extract/sentence_splitter.h"

namespace actorgraph {

// How a mention takes part in a sentence, as the relation patterns see it.
enum class MentionRole : char {
  kPerson = 'P',
  kCountry = 'C',
  kOrganisation = 'O',
  kGroup = 'G',
  kLocation = 'L',  // a country or capital named as a place: "talks in New Delhi"
};

struct SentenceMention {
  std::size_t begin = 0;  // byte range in the text given to Find
  std::size_t end = 0;
  int actor = 0;          // index into ArticleActors::actors
  MentionRole role = MentionRole::kPerson;
  bool descriptive = false;  // "he", "the Russian foreign minister": refers without a name
  std::size_t name_begin = 0;  // where the name starts after a title ("Foreign Minister |S. Jaishankar"); 0: at begin
};

struct ArticleActors {
  std::vector<ActorRef> actors;  // every actor the article names; `surface` is empty
  std::vector<std::vector<SentenceMention>> sentences;  // per sentence, sorted, disjoint
};

// Compiled once from the lexicon and vocabulary; Find is const and thread-safe.
class ActorFinder {
 public:
  // Throws Error if the lexicon is too large for the matcher's memory budget.
  ActorFinder(const Lexicon& lexicon, const NewsVocabulary& vocabulary);
  ~ActorFinder();
  ActorFinder(const ActorFinder&) = delete;
  ActorFinder& operator=(const ActorFinder&) = delete;

  // `text` is prepared text (extract/prepared_text.h), `sentences` its sentences and
  // `article_date` (YYYY-MM-DD or empty) dates the offices of the lexicon's people.
  ArticleActors Find(std::string_view text, const std::vector<SentenceSpan>& sentences,
                     std::string_view article_date) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_ACTOR_FINDER_H_
