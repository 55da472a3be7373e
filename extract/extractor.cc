// Extraction of one document. Relation patterns run only on sentences that name at least
// two different actors, over a copy of the sentence in which each actor mention is a
// placeholder (relation_rules.h). Negation and modality are read from the words the
// match spans, so "India has refrained from publicly criticising Russia" is a negated
// criticism and "Lavrov will meet Modi" a planned meeting.
#include "extract/extractor.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <future>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "extract/actor_finder.h"
#include "extract/cue_phrases.h"
#include "extract/date_resolver.h"
#include "extract/literal_scanner.h"
#include "extract/news_vocabulary.h"
#include "extract/prepared_text.h"
#include "extract/relation_rules.h"
#include "extract/rule_source.h"
#include "extract/sentence_splitter.h"

namespace actorgraph {
namespace {

using namespace std::string_view_literals;  // a list of "..."sv needs no strlen per call

// Appends the words of `text` to `words`, each placeholder replaced by a space, for
// looking for cues. The bytes between placeholders go in one append each, not byte by
// byte.
void AppendWithoutPlaceholders(std::string_view text, std::string* words) {
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t open = text.find('\x01'); open != std::string_view::npos;
       open = text.find('\x01', run)) {
    words->append(text, run, open - run);
    *words += ' ';
    std::size_t close = text.find('\x02', open);
    if (close == std::string_view::npos) return;
    run = close + 1;
  }
  words->append(text, run);
}

// Sets `words` to the words of a match that state the relation itself: those between
// its first two actor lists ("X [has refrained from publicly criticising] Y"), or, for
// a match with one list ("{P} met", "talks between {P}"), the rest of the match.
void RelationWords(std::string_view sentence, const RuleMatch& match, std::string* words) {
  words->clear();
  std::size_t begin = match.begin, end = match.end;
  if (match.lists.size() >= 2) {
    begin = match.lists[0].second;
    end = match.lists[1].first;
  } else if (match.lists.size() == 1) {
    const auto& list = match.lists[0];
    AppendWithoutPlaceholders(sentence.substr(match.begin, list.first - match.begin), words);
    *words += ' ';
    AppendWithoutPlaceholders(sentence.substr(list.second, match.end - list.second), words);
    return;
  }
  AppendWithoutPlaceholders(sentence.substr(begin, end - begin), words);
}

// The last clause of `words`, where a negation still belongs to the verb of the match:
// in "refrained from criticising Russia and abstained on votes", the negation is not
// the abstention's. The clause starts after the boundary that ends last; every boundary
// ends with a space, so one backward pass tries them only where a space is, rather than
// an rfind per boundary comparing at every position.
std::string_view LastClause(std::string_view words) {
  // Whether `boundary` ends at `end`, compared from its end: the byte before the space
  // turns most of them away at once.
  auto ends_at = [&](std::size_t end, std::string_view boundary) {
    if (end < boundary.size()) return false;
    for (std::size_t i = boundary.size(); i > 0; --i) {
      if (words[end - boundary.size() + i - 1] != boundary[i - 1]) return false;
    }
    return true;
  };
  for (std::size_t end = words.size(); end > 0; --end) {
    if (words[end - 1] != ' ') continue;
    for (std::string_view boundary : {", "sv, " and "sv, " but "sv, "; "sv, " while "sv, " whereas "sv}) {
      if (ends_at(end, boundary)) return words.substr(end);
    }
  }
  return words;
}

// The words after the last comma: a clause set off by commas between the actor and the
// verb ("Lula, who will visit China, met Biden") does not make the verb planned, while
// "will arrive in Delhi and meet Modi" still is.
std::string_view AfterLastComma(std::string_view words) {
  std::size_t at = words.rfind(", ");
  return at == std::string_view::npos ? words : words.substr(at + 2);
}

// Sets `out` to `actor` as mention `m` of `text` names it: by the words that name it,
// without a title before them, or, for a pronoun or a title alone, which refer to the
// actor but are not one of its names, by the actor's own surface. Field by field, so
// that the surface is copied once and `out` keeps the memory it has.
void AssignNamedActor(const ActorRef& actor, const std::string& text, const SentenceMention& m, ActorRef* out) {
  out->name = actor.name;
  out->type = actor.type;
  out->country = actor.country;
  if (m.descriptive) {
    out->surface = actor.surface;
  } else {
    std::size_t begin = m.name_begin > m.begin ? m.name_begin : m.begin;
    out->surface.assign(text, begin, m.end - begin);
  }
}

// Whether one of the eight bytes at `p` is below '\r' + 1, the only bytes that may be a
// tab or line break: a borrow out of a byte below 14 sets its top bit (bytes from 0x80
// up are kept out by the mask of ~word), and a borrow only propagates upwards, so a
// false report needs a true one beneath it.
bool MayHoldBreak(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  return ((word - kOnes * ('\r' + 1)) & ~word & kHighs) != 0;
}

// `text` on one line: each line break or tab becomes a space, or nothing right after a
// space. The bytes between breaks are appended a run at a time, not one by one: most
// sentences hold no break at all, and are passed over eight bytes at a time.
std::string OneLine(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t i = 0; i < text.size(); ++i) {
    while (i + 8 <= text.size() && !MayHoldBreak(text.data() + i)) i += 8;
    if (i == text.size()) break;
    char c = text[i];
    if (c != '\n' && c != '\r' && c != '\t') continue;
    line.append(text, run, i - run);
    if (line.empty() || line.back() != ' ') line += ' ';
    run = i + 1;
  }
  line.append(text, run);
  return line;
}

// One warning per document for its sentences longer than the limit, which
// SplitSentences cut into pieces: "a.txt: 2 sentences longer than 4096 bytes cut into 7 pieces".
void WarnAboutCutSentences(const std::vector<SentenceSpan>& sentences, std::string_view origin,
                           std::size_t limit, Diagnostics& diagnostics) {
  std::size_t cut = 0, pieces = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    bool continues_cut = i > 0 && sentences[i - 1].cut;
    if (sentences[i].cut && !continues_cut) ++cut;
    if (sentences[i].cut || continues_cut) ++pieces;
  }
  if (cut == 0) return;
  diagnostics.Warn(std::string(origin) + ": " + std::to_string(cut) + (cut == 1 ? " sentence" : " sentences") +
                   " longer than " + std::to_string(limit) + " bytes cut into " + std::to_string(pieces) +
                   " pieces");
}

}  // namespace

struct Extractor::Impl {
  ExtractorOptions options;
  Lexicon lexicon;
  NewsVocabulary vocabulary;
  RelationRules rules;
  std::unique_ptr<ActorFinder> finder;
  std::unique_ptr<CuePhrases> negation;
  std::unique_ptr<CuePhrases> planned;
  // The negation cues and then the plan cues as one set of literals, so that one scan of
  // a relation's words tells whether either may occur, rather than one scan for each
  // (CuePhrases::MayOccur). Absent unless both lists are non-empty and ASCII, the case
  // in which each CuePhrases scans its own literals.
  std::optional<LiteralScanner> cue_literals;

  void PrepareCueLiterals() {
    const std::vector<std::string>& negations = vocabulary.negation;
    const std::vector<std::string>& plans = vocabulary.planned;
    if (negations.empty() || plans.empty()) return;
    std::vector<std::string> literals = negations;
    literals.insert(literals.end(), plans.begin(), plans.end());
    for (const std::string& literal : literals) {
      if (!LiteralScanner::IsAscii(literal)) return;
    }
    cue_literals.emplace(literals);
  }

  // Sets `*may_negate` and `*may_plan` as negation->MayOccur(words) and
  // planned->MayOccur(words) would. `bits` is scratch space.
  void MayHoldCues(std::string_view words, std::vector<std::uint64_t>* bits, bool* may_negate,
                   bool* may_plan) const {
    if (!cue_literals) {
      *may_negate = negation->MayOccur(words);
      *may_plan = planned->MayOccur(words);
      return;
    }
    cue_literals->Scan(words, bits);
    const std::size_t negations = vocabulary.negation.size();
    *may_negate = *may_plan = false;
    for (std::size_t word = 0; word < bits->size(); ++word) {
      // Bit b stands for literal 64 * word + b, a negation cue when below `negations`.
      const std::uint64_t found = (*bits)[word];
      const std::size_t first = 64 * word;
      std::uint64_t negation_bits = 0;
      if (negations >= first + 64) negation_bits = ~std::uint64_t{0};
      else if (negations > first) negation_bits = (std::uint64_t{1} << (negations - first)) - 1;
      *may_negate = *may_negate || (found & negation_bits) != 0;
      *may_plan = *may_plan || (found & ~negation_bits) != 0;
    }
  }

  bool Negated(std::string_view span) const {
    for (std::optional<std::string_view> cue = negation->Find(span, 0); cue;) {
      std::size_t end = cue->data() - span.data() + cue->size();
      // "not only ... but also" affirms.
      bool not_only = span.compare(end, 5, " only") == 0;
      if (!not_only) return true;
      cue = negation->Find(span, end);
    }
    return false;
  }

  // Whether `words` hold a cue of a plan that is not part of a refusal: in "refused to
  // meet" or "declined to visit" the cue "to meet" shares its "to" with the negation
  // cue, and a refusal is no plan. REQUIRES: `may_refuse` unless negation->MayOccur(words)
  // is false.
  bool Planned(std::string_view words, bool may_refuse) const {
    for (std::optional<std::string_view> cue = planned->Find(words, 0); cue;) {
      std::size_t begin = cue->data() - words.data(), end = begin + cue->size();
      bool in_refusal = false;
      for (std::optional<std::string_view> refusal = may_refuse ? negation->Find(words, 0) : std::nullopt;
           !in_refusal && refusal;) {
        std::size_t refusal_begin = refusal->data() - words.data();
        std::size_t refusal_end = refusal_begin + refusal->size();
        in_refusal = refusal_begin < end && begin < refusal_end;
        refusal = negation->Find(words, std::max(refusal_end, refusal_begin + 1));
      }
      if (!in_refusal) return true;
      cue = planned->Find(words, std::max(end, begin + 1));
    }
    return false;
  }
};

Extractor::Extractor(const ExtractorOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  const std::vector<RuleSource> sources = LoadRuleSources(options.rules_dir);
  // With more than one thread, the relation rules (four fifths of the startup) compile
  // on their own while this thread loads the rest. The errors are reported in the order
  // of the loads, as with one thread: the lexicon's, the vocabulary's, the rules', then
  // the actor finder's.
  auto load_rules = [&] { return RelationRules::Load(sources, options.threads); };
  auto load_finder = [&] {
    impl_->finder = std::make_unique<ActorFinder>(impl_->lexicon, impl_->vocabulary);
    impl_->negation = std::make_unique<CuePhrases>(impl_->vocabulary.negation);
    impl_->planned = std::make_unique<CuePhrases>(impl_->vocabulary.planned);
    impl_->PrepareCueLiterals();
  };
  if (options.threads <= 1) {
    impl_->lexicon = Lexicon::Load(sources);
    impl_->vocabulary = NewsVocabulary::Load(sources);
    impl_->rules = load_rules();
    load_finder();
    return;
  }
  std::future<RelationRules> rules = std::async(std::launch::async, load_rules);
  impl_->lexicon = Lexicon::Load(sources);
  impl_->vocabulary = NewsVocabulary::Load(sources);
  std::exception_ptr finder_error;
  try {
    load_finder();
  } catch (...) {
    finder_error = std::current_exception();
  }
  impl_->rules = rules.get();
  if (finder_error) std::rethrow_exception(finder_error);
}

Extractor::~Extractor() = default;

const Lexicon& Extractor::lexicon() const { return impl_->lexicon; }

DocumentExtraction Extractor::Extract(const Document& document, Diagnostics& diagnostics) const {
  const Impl& impl = *impl_;
  DocumentExtraction result;
  result.doc = document.id;
  result.date = document.date;

  PreparedText prepared = PrepareText(document.text, document.origin, diagnostics);
  std::vector<SentenceSpan> sentences = SplitSentences(prepared.text, impl.options.max_sentence_bytes);
  WarnAboutCutSentences(sentences, document.origin, impl.options.max_sentence_bytes, diagnostics);
  ArticleActors actors = impl.finder->Find(prepared.text, sentences, document.date);
  const std::vector<RelationType>& types = impl.rules.types();

  std::size_t mention_count = 0;
  for (const std::vector<SentenceMention>& mentions : actors.sentences) mention_count += mentions.size();
  result.mentions.reserve(mention_count);
  // Reused from sentence to sentence, so that they keep their memory.
  std::string placeholders;
  std::string relation_words;
  std::vector<RuleMatch> matches;
  std::vector<std::uint64_t> cue_bits;
  std::vector<std::pair<int, int>> pairs;
  // The relations of the sentence so far, by canonical names, type and negation: a
  // sentence has few, so a list searched in order is enough (a std::set of copied
  // strings cost an allocation per relation).
  std::vector<std::tuple<std::string_view, std::string_view, std::string_view, bool>> seen;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<SentenceMention>& mentions = actors.sentences[s];
    if (mentions.empty()) continue;
    const int number = static_cast<int>(s) + 1;
    const SentenceSpan span = sentences[s];
    bool two_actors = false;  // the patterns need two different actors
    for (const SentenceMention& m : mentions) {
      ActorMention& mention = result.mentions.emplace_back();
      AssignNamedActor(actors.actors[m.actor], prepared.text, m, &mention.actor);
      mention.sentence = number;
      mention.begin = prepared.ToOriginal(m.begin);
      mention.end = prepared.ToOriginal(m.end);
      two_actors = two_actors || m.actor != mentions.front().actor;
    }
    if (!two_actors) continue;

    // The sentence as the patterns see it.
    placeholders.clear();
    std::size_t pos = span.begin;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      placeholders.append(prepared.text, pos, mentions[i].begin - pos);
      RelationRules::AppendPlaceholder(static_cast<int>(i), static_cast<char>(mentions[i].role), &placeholders);
      pos = mentions[i].end;
    }
    placeholders.append(prepared.text, pos, span.end - pos);

    impl.rules.Match(placeholders, &matches);
    if (matches.empty()) continue;
    // Most sentences that name two actors state no relation: their date and evidence are
    // only worked out for those that do.
    std::string_view sentence_text(prepared.text.data() + span.begin, span.end - span.begin);
    std::optional<CalendarDate> own_date = ResolveSentenceDate(sentence_text, document.date);
    std::string date = own_date ? own_date->ToString() : document.date;
    Evidence evidence;
    evidence.doc = document.id;
    evidence.sentence = number;
    evidence.begin = prepared.ToOriginal(span.begin);
    evidence.end = prepared.ToOriginal(span.end);
    evidence.sentence_text = OneLine(sentence_text);

    const std::size_t first_relation = result.relations.size();
    seen.clear();
    for (const RuleMatch& match : matches) {
      const RelationType& type = types[match.type];
      RelationWords(placeholders, match, &relation_words);
      // The last clause and the words after the last comma are parts of the relation's
      // words: where no cue phrase occurs in those, none occurs in them, and most
      // relations are settled by a literal scan without a search for the clause.
      bool may_negate, may_plan;
      impl.MayHoldCues(relation_words, &cue_bits, &may_negate, &may_plan);
      bool negated = may_negate && impl.Negated(LastClause(relation_words));
      bool planned = may_plan && impl.Planned(AfterLastComma(relation_words), may_negate);
      pairs.clear();
      for (int source : match.sources)
        for (int target : match.targets) pairs.emplace_back(source, target);
      for (std::size_t i = 0; i < match.participants.size(); ++i)
        for (std::size_t j = i + 1; j < match.participants.size(); ++j)
          pairs.emplace_back(match.participants[i], match.participants[j]);
      for (auto [source, target] : pairs) {
        if (source >= static_cast<int>(mentions.size()) || target >= static_cast<int>(mentions.size())) continue;
        const SentenceMention& from = mentions[source];
        const SentenceMention& to = mentions[target];
        if (from.actor == to.actor) continue;
        const ActorRef& source_actor = actors.actors[from.actor];
        const ActorRef& target_actor = actors.actors[to.actor];
        // Two entries of the article's actors may share a canonical name (a person found
        // after a title and the same person in the lexicon): still one actor.
        if (source_actor.name == target_actor.name) continue;
        const auto key = std::make_tuple(std::string_view(source_actor.name), std::string_view(type.name),
                                         std::string_view(target_actor.name), negated);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        // Room for eight at the first, rather than growing to one, two, four, each time
        // moving every string of every relation: half the articles with a relation have
        // more than six.
        if (result.relations.empty()) result.relations.reserve(8);
        Relation& relation = result.relations.emplace_back();
        AssignNamedActor(source_actor, prepared.text, from, &relation.source);
        AssignNamedActor(target_actor, prepared.text, to, &relation.target);
        relation.type = type.name;
        relation.family = type.family;
        relation.symmetric = type.symmetric;
        relation.negated = negated;
        relation.modality = planned ? Modality::kPlanned : Modality::kAsserted;
        relation.date = date;
        relation.rule = impl.rules.pattern_location(match.pattern);
      }
    }
    // Every relation of the sentence keeps its evidence; the last one takes it over.
    for (std::size_t r = first_relation; r < result.relations.size(); ++r) {
      if (r + 1 < result.relations.size()) result.relations[r].evidence = evidence;
      else result.relations[r].evidence = std::move(evidence);
    }
  }
  return result;
}

const char* ModalityName(Modality modality) {
  return modality == Modality::kPlanned ? "planned" : "asserted";
}

}  // namespace actorgraph
