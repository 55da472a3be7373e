// How actors are found. One pass over the words of the article finds every lexicon name
// (PhraseMatcher: the longest at each start, so "United Nations Security Council" wins
// over "United Nations"), another every title with its modifiers. Each sentence is then assembled from those hits,
// in a fixed order that lets the more specific reading win:
//   1. a title followed by a name is one person mention, and a country, demonym or body
//      right before the title joins it and gives the person a country;
//   2. a title with no name after it ("the Russian foreign minister") is resolved to the
//      most recent person of that country in the article, else to the lexicon's holder of
//      that office at the article's date;
//   3. the remaining lexicon names: people, countries (or locations after "in", "at" ...),
//      organisations, groups; a demonym only when a state noun follows ("Indian government");
//   4. people nobody listed, found as the subject of a reporting verb or in apposition;
//   5. surnames and first names of people already named in the article;
//   6. "he", "she", "him": the subject of the sentence, else of the last sentence with one.
#include "extract/actor_finder.h"

#include <re2/re2.h>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/error.h"
#include "extract/phrase_matcher.h"
#include "extract/reported_name.h"
#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

struct Hit {
  std::size_t begin = 0;
  std::size_t end = 0;
  const LexiconName* name = nullptr;  // for lexicon hits
  bool consumed = false;
};

// Calls visit(begin, end) for each of `words` (of the article) within [from, to), left to
// right, cut to those bounds: a sentence cut inside a word starts with the rest of it.
// visit returns where the scan goes on (at least the end of the word it was given).
// REQUIRES: `first` is the first of `words` that ends after `from` (the finder keeps it
// from sentence to sentence rather than search for it).
template <typename Visit>
void ForEachWord(const std::vector<Word>& words, std::size_t first, std::size_t from, std::size_t to, Visit visit) {
  auto word = words.begin() + static_cast<std::ptrdiff_t>(first);
  for (std::size_t next = from; word != words.end() && word->begin < to; ++word) {
    const std::size_t begin = std::max(word->begin, from), end = std::min(word->end, to);
    if (begin < next) continue;
    next = visit(begin, end);
  }
}

// An alternation of `phrases` for a leftmost-longest pattern, where their order does not
// change what matches: sorted alphabetically, so RE2 factors the common prefixes of
// adjacent alternatives into a trie, which keeps every DFA state small.
std::string Alternation(std::vector<std::string> phrases) {
  std::sort(phrases.begin(), phrases.end());
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  std::string pattern = "(?:";
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (i) pattern += '|';
    pattern += RE2::QuoteMeta(phrases[i]);
  }
  return pattern + ")";
}

std::unique_ptr<RE2> Compile(const std::string& pattern, bool longest, const char* what) {
  RE2::Options options;
  options.set_longest_match(longest);
  options.set_log_errors(false);
  options.set_max_mem(512 << 20);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) throw Error(std::string("cannot compile the ") + what + ": " + re->error());
  return re;
}

std::string Lower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = AsciiLower(c);
  return lower;
}

// An office a person held, parsed from a lexicon `role` line: "foreign minister 2004-".
struct Office {
  int actor = 0;
  int from = 0;     // 0: unknown
  int to = 9999;    // 9999: still in office
};

bool ParseYears(std::string_view token, int* from, int* to) {
  auto digits = [](std::string_view s) {
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  std::size_t dash = token.find('-');
  std::string_view first = token.substr(0, dash);
  if (!digits(first)) return false;
  *from = std::stoi(std::string(first));
  if (dash == std::string_view::npos) {
    *to = *from;
    return true;
  }
  std::string_view second = token.substr(dash + 1);
  if (second.empty()) {
    *to = 9999;
    return true;
  }
  if (!digits(second)) return false;
  *to = std::stoi(std::string(second));
  return true;
}

}  // namespace

struct ActorFinder::Impl {
  const Lexicon* lexicon = nullptr;
  std::unique_ptr<PhraseMatcher> names;  // lexicon names, indexed as lexicon->names()
  std::unique_ptr<PhraseMatcher> titles;
  std::unique_ptr<PhraseMatcher> title_modifiers;
  std::unique_ptr<RE2> person_name;     // an unknown person's name, anchored
  std::unique_ptr<RE2> state_noun;      // " government", anchored after a demonym
  std::unique_ptr<ReportedNameMatcher> reported_name;  // "Daleep Singh warned"
  std::unique_ptr<PhraseMatcher> reporting_verbs;      // finds where reported_name may match
  // The first words of names, titles, title modifiers and reporting verbs: the words the
  // passes that look for them need see (PhraseMatcher::first_word_signatures).
  PhraseMatcher::SignatureSet phrase_starts;
  std::unordered_set<std::string> locatives;
  std::unordered_set<std::string> organisation_words;
  std::map<std::pair<std::string, std::string>, std::vector<Office>> offices;  // (country, office)

  bool IsOrganisationWord(std::string_view word) const {
    return organisation_words.count(std::string(word)) > 0;
  }

  // Where a reporting verb may follow a name: every word after a space that starts with
  // one. A superset of what reported_name matches, found in one pass over the words;
  // most sentences have none and are spared a regex search. `words` are those of `text`
  // or the ones among them that phrase_starts passes.
  std::vector<std::size_t> FindReportingVerbs(std::string_view text, const std::vector<Word>& words) const;

  // Every title in `text`, with the modifiers before it ("Deputy Foreign Minister"),
  // left to right and not overlapping, the longest at each start. `words` as above.
  std::vector<Hit> FindTitles(std::string_view text, const std::vector<Word>& words) const;

  // The unknown person's name that starts at `pos`, or an empty view: two to four
  // capitalised words, cut before any word that marks an organisation or any lexicon hit.
  std::string_view NameAt(std::string_view text, std::size_t pos, std::size_t limit,
                          const std::vector<Hit>& hits) const;

  // The name after a title's complement: "Adviser for International Cooperation Daleep
  // Singh", "Minister of State Ravi Kumar": the last two words of a run of at least three
  // capitalised words after "for" or "of". `pos` is the end of the title.
  std::string_view NameAfterComplement(std::string_view text, std::size_t pos, std::size_t limit,
                                       const std::vector<Hit>& hits) const;
};

ActorFinder::ActorFinder(const Lexicon& lexicon, const NewsVocabulary& vocabulary)
    : impl_(std::make_unique<Impl>()) {
  Impl& impl = *impl_;
  impl.lexicon = &lexicon;
  std::vector<std::string> all_names;
  all_names.reserve(lexicon.names().size());
  for (const LexiconName& name : lexicon.names()) all_names.push_back(name.text);
  impl.names = std::make_unique<PhraseMatcher>(all_names);
  impl.titles = std::make_unique<PhraseMatcher>(vocabulary.titles);
  impl.title_modifiers = std::make_unique<PhraseMatcher>(vocabulary.title_modifiers);
  const std::string token =
      R"((?:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*|\p{Lu}\.|\p{Lu}(?:\s)|O'\p{Lu}\p{Ll}+|Mc\p{Lu}\p{Ll}+))";
  const std::string particle = R"((?:bin|bint|ibn|al|el|de|da|di|van|von|der|den|le|la|du|dos|do))";
  impl.person_name = Compile("(" + token + "(?: (?:" + particle + " )?" + token + "){0,3})", false,
                             "person names");
  std::string state_noun(1, ' ');
  state_noun += Alternation(vocabulary.state_nouns);
  state_noun += R"((?:\b|$))";
  impl.state_noun = Compile(state_noun, true, "state nouns");
  impl.reporting_verbs = std::make_unique<PhraseMatcher>(vocabulary.reporting_verbs);
  impl.reported_name = std::make_unique<ReportedNameMatcher>(vocabulary.reporting_verbs);
  for (const PhraseMatcher* matcher : {impl.names.get(), impl.titles.get(), impl.title_modifiers.get(),
                                       impl.reporting_verbs.get()}) {
    impl.phrase_starts |= matcher->first_word_signatures();
  }
  for (const std::string& word : vocabulary.locatives) impl.locatives.insert(word);
  for (const std::string& word : vocabulary.organisation_words) impl.organisation_words.insert(word);

  for (std::size_t i = 0; i < lexicon.actors().size(); ++i) {
    const Actor& actor = lexicon.actors()[i];
    if (actor.type != ActorType::kPerson || actor.country.empty()) continue;
    for (const std::string& role : actor.roles) {
      std::vector<std::string_view> words = NameWords(role);
      Office office{static_cast<int>(i)};
      if (!words.empty() && ParseYears(words.back(), &office.from, &office.to)) words.pop_back();
      std::string title;
      for (std::string_view w : words) {
        if (!title.empty()) title += ' ';
        title.append(w);
      }
      impl.offices[{actor.country, Lower(title)}].push_back(office);
    }
  }
}

ActorFinder::~ActorFinder() = default;

std::vector<std::size_t> ActorFinder::Impl::FindReportingVerbs(std::string_view text,
                                                               const std::vector<Word>& words) const {
  std::vector<std::size_t> found;
  std::vector<PhraseMatcher::Occurrence> verbs;
  for (const Word& word : words) {
    if (word.begin == 0 || text[word.begin - 1] != ' ') continue;
    verbs.clear();
    reporting_verbs->PhrasesAt(text, word, &verbs);
    if (!verbs.empty()) found.push_back(word.begin);
  }
  return found;
}

// Titles and their modifiers start with a word byte (NewsVocabulary::Load sees to it), so
// only word starts need a look.
std::vector<Hit> ActorFinder::Impl::FindTitles(std::string_view text, const std::vector<Word>& words) const {
  std::vector<Hit> found;
  std::vector<std::size_t> starts, ends;  // of the title's words after modifiers; of whole titles
  std::vector<PhraseMatcher::Occurrence> phrases;
  std::size_t after = 0;  // the end of the last title
  for (const Word& word : words) {
    if (word.begin < after) continue;
    // Most words start neither: they are turned away before any of the set-up below.
    if (!titles->MayStartAt(word) && !title_modifiers->MayStartAt(word)) continue;
    const std::size_t i = word.begin;
    // "(modifier )* title": follow every chain of modifiers, collect where titles end.
    starts.assign(1, i);
    ends.clear();
    for (std::size_t k = 0; k < starts.size(); ++k) {
      phrases.clear();
      if (k == 0) titles->PhrasesAt(text, word, &phrases);
      else titles->PhrasesAt(text, starts[k], &phrases);
      for (const auto& title : phrases) ends.push_back(title.end);
      phrases.clear();
      if (k == 0) title_modifiers->PhrasesAt(text, word, &phrases);
      else title_modifiers->PhrasesAt(text, starts[k], &phrases);
      for (const auto& modifier : phrases) {
        std::size_t next = modifier.end + 1;
        if (next < text.size() && text[modifier.end] == ' ' &&
            std::find(starts.begin(), starts.end(), next) == starts.end()) {
          starts.push_back(next);
        }
      }
    }
    std::sort(ends.begin(), ends.end(), std::greater<>());
    auto end = std::find_if(ends.begin(), ends.end(), [&](std::size_t e) { return AtWordBoundaries(text, i, e); });
    if (end != ends.end()) {
      found.push_back({i, *end});
      after = *end;
    }
  }
  return found;
}

std::string_view ActorFinder::Impl::NameAt(std::string_view text, std::size_t pos, std::size_t limit,
                                           const std::vector<Hit>& hits) const {
  re2::StringPiece input(text.data(), limit);
  re2::StringPiece match[2];
  if (pos >= limit || !person_name->Match(input, pos, limit, RE2::ANCHOR_START, match, 2)) return {};
  std::string_view name(match[1].data(), match[1].size());
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  // Cut at an organisation word or where a lexicon name begins.
  std::vector<std::string_view> words = NameWords(name);
  std::size_t keep = 0;
  for (; keep < words.size(); ++keep) {
    std::string_view word = words[keep];
    if (IsOrganisationWord(word)) break;
    std::size_t at = word.data() - text.data();
    bool lexicon_hit = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.begin == at; });
    if (lexicon_hit) break;
  }
  if (keep < 2) return {};
  // A name ends with a full word, not an initial.
  while (keep >= 2 && words[keep - 1].size() <= 2) --keep;
  if (keep < 2) return {};
  std::size_t end = (words[keep - 1].data() - text.data()) + words[keep - 1].size();
  return text.substr(pos, end - pos);
}

std::string_view ActorFinder::Impl::NameAfterComplement(std::string_view text, std::size_t pos,
                                                        std::size_t limit,
                                                        const std::vector<Hit>& hits) const {
  std::string_view rest = text.substr(pos, limit - pos);
  if (!rest.starts_with(" for ") && !rest.starts_with(" of ")) return {};
  std::size_t start = pos + (rest.starts_with(" for ") ? 5 : 4);
  std::vector<std::size_t> word_starts;
  std::size_t i = start;
  while (i < limit && IsAsciiUpper(text[i])) {
    word_starts.push_back(i);
    while (i < limit && IsWordByte(text[i])) ++i;
    if (i + 1 < limit && text[i] == ' ' && IsAsciiUpper(text[i + 1])) ++i;
    else break;
  }
  if (word_starts.size() < 3) return {};
  std::size_t name_start = word_starts[word_starts.size() - 2];
  std::string_view name = NameAt(text, name_start, i, hits);
  return name.size() == i - name_start ? name : std::string_view();
}

namespace {

// What one article has said so far about who is who.
class ArticleState {
 public:
  ArticleState(const Lexicon& lexicon, ArticleActors* out) : lexicon_(lexicon), out_(out) {}

  int LexiconActor(int index) {
    auto [it, inserted] = lexicon_ids_.try_emplace(index, static_cast<int>(out_->actors.size()));
    if (!inserted) return it->second;
    const Actor& actor = lexicon_.actors()[index];
    return Add(actor.name, actor.type, actor.country_code(), actor.gender);
  }

  int UnknownPerson(std::string_view name, const std::string& country) {
    auto it = unknown_ids_.find(name);
    if (it != unknown_ids_.end()) {
      if (out_->actors[it->second].country.empty()) out_->actors[it->second].country = country;
      return it->second;
    }
    unknown_ids_.emplace(std::string(name), static_cast<int>(out_->actors.size()));
    return Add(name, ActorType::kPerson, country, Gender::kUnknown);
  }

  // Remembers the words by which a person may be named again later in the article.
  void RegisterPerson(int actor, std::string_view name_text) {
    const std::string_view canonical = out_->actors[actor].name;
    RegisterName(actor, canonical);
    // Mostly the text names the person as the lexicon does: the same words again would
    // register nothing new (the same surname, the same given name for the same person).
    if (name_text != canonical) RegisterName(actor, name_text);
  }

  // Whether PersonByWord may find anyone: until a person is named, no word can name one.
  bool KnowsPeople() const { return !person_words_.empty(); }

  int PersonByWord(std::string_view word) const {
    // Most words asked about (every capitalised word, once a person is known) name no
    // one: a bit per signature turns them away without hashing them.
    if (word.empty() || !person_word_signatures_[WordSignature(word) % kPersonWordSignatureBits]) return -1;
    auto it = person_words_.find(word);
    if (it == person_words_.end()) return -1;
    return it->second.surname != kNoOne ? it->second.surname : std::max(it->second.given, -1);
  }

  void AddTitle(int actor, std::string_view title) { titles_[actor].push_back(Lower(title)); }

  // The person most recently named, whose country is `country` (and, with `title`, who
  // was given that title), or -1.
  int RecentPerson(const std::string& country, const std::string& title) const {
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      if (out_->actors[*it].country != country) continue;
      if (title.empty()) return *it;
      auto titles = titles_.find(*it);
      if (titles == titles_.end()) continue;
      for (const std::string& t : titles->second) {
        if (t.size() >= title.size() && t.compare(t.size() - title.size(), title.size(), title) == 0) return *it;
      }
    }
    return -1;
  }

  void Saw(int actor) {
    recent_.erase(std::remove(recent_.begin(), recent_.end(), actor), recent_.end());
    recent_.push_back(actor);
  }

  // The most recently named person compatible with the pronoun's gender.
  int RecentCompatible(Gender pronoun) const {
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      if (Compatible(*it, pronoun)) return *it;
    }
    return -1;
  }

  bool Compatible(int actor, Gender pronoun) const {
    Gender g = genders_[actor];
    return g == Gender::kUnknown || g == pronoun;
  }

  int subject = -1;  // first person of the last sentence that named one

 private:
  // Made in place: an ActorRef built and then moved in cost three string moves a time.
  int Add(std::string_view name, ActorType type, std::string_view country, Gender gender) {
    int id = static_cast<int>(out_->actors.size());
    ActorRef& ref = out_->actors.emplace_back();
    ref.name = name;
    ref.type = type;
    ref.country = country;
    genders_.push_back(gender);
    return id;
  }

  // Looked up by string_view without making a std::string of every word.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using WordMap = std::unordered_map<std::string, int, ViewHash, std::equal_to<>>;

  const Lexicon& lexicon_;
  ArticleActors* out_;
  std::unordered_map<int, int> lexicon_ids_;  // lexicon actor -> index into out_->actors
  WordMap unknown_ids_;                        // name of a person nobody listed -> index
  std::vector<Gender> genders_;
  // The people a word names as a surname (the last person named by it) and as a given
  // name (-1 if more than one), kNoOne for neither. One map, so that a word is hashed
  // and looked up once, not once per kind: PersonByWord is asked of every capitalised
  // word once a person is known.
  static constexpr int kNoOne = -2;
  struct PersonWord {
    int surname = kNoOne;
    int given = kNoOne;
  };
  // Files the surname and given name of `name` (one of the actor's) under `actor`.
  void RegisterName(int actor, std::string_view name) {
    std::string_view surname = Surname(name);
    if (surname.size() > 1) NamesOf(surname).surname = actor;
    std::string_view given = GivenName(name);
    if (given.size() > 1 && given.back() != '.') {
      int& person = NamesOf(given).given;
      if (person == kNoOne) person = actor;
      else if (person != actor) person = -1;  // two people: ambiguous
    }
  }
  PersonWord& NamesOf(std::string_view word) {
    auto it = person_words_.find(word);
    if (it == person_words_.end()) {
      it = person_words_.emplace(std::string(word), PersonWord()).first;
      person_word_signatures_[WordSignature(word) % kPersonWordSignatureBits] = true;
    }
    return it->second;
  }
  std::unordered_map<std::string, PersonWord, ViewHash, std::equal_to<>> person_words_;
  // WordSignature (modulo the size) of each key of person_words_. An article names a few
  // dozen person words at most, so 1,024 bits turn away nearly every other word; and the
  // state is made anew for every article, so its filter is kept to a few cache lines.
  static constexpr std::size_t kPersonWordSignatureBits = 1 << 10;
  std::bitset<kPersonWordSignatureBits> person_word_signatures_;
  std::unordered_map<int, std::vector<std::string>> titles_;
  std::vector<int> recent_;
};

bool Overlaps(const std::vector<SentenceMention>& mentions, std::size_t begin, std::size_t end) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const SentenceMention& m) { return begin < m.end && m.begin < end; });
}

// text[begin, end), for the passes that take a view of every word: substr's bounds check
// keeps it out of line, a call per word.
std::string_view Slice(std::string_view text, std::size_t begin, std::size_t end) {
  return std::string_view(text.data() + begin, end - begin);
}

// The word that ends just before `pos` (skipping spaces), or empty.
std::string_view WordBefore(std::string_view text, std::size_t begin, std::size_t pos) {
  std::size_t end = pos;
  while (end > begin && text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > begin && IsWordByte(text[start - 1])) --start;
  return text.substr(start, end - start);
}

// Where the run of up to `count` words, each after a single space, that ends just
// before the space at `pos - 1` begins; `pos` if there is none.
std::size_t WordsBefore(std::string_view text, std::size_t begin, std::size_t pos, int count) {
  std::size_t start = pos;
  for (int n = 0; n < count && start > begin + 1 && text[start - 1] == ' '; ++n) {
    std::size_t word = start - 1;
    while (word > begin && IsWordByte(text[word - 1])) --word;
    if (word == start - 1) break;
    start = word;
  }
  return start;
}

// Whether the two words before the space at `pos - 1`, a space apart, may both end in a
// capitalised word: each holds an uppercase ASCII letter or a non-ASCII byte. A cheap
// test that a name of two or more words may stand there.
bool CapitalisedPairBefore(std::string_view text, std::size_t begin, std::size_t pos) {
  std::size_t end = pos;
  for (int n = 0; n < 2; ++n) {
    if (end <= begin + 1 || text[end - 1] != ' ') return false;
    std::size_t word = end - 1;
    bool capital = false;
    for (; word > begin && IsWordByte(text[word - 1]); --word) {
      char c = text[word - 1];
      capital = capital || IsAsciiUpper(c) || static_cast<unsigned char>(c) >= 0x80;
    }
    if (!capital) return false;
    end = word;
  }
  return true;
}

bool IsCountryLike(const Lexicon& lexicon, const LexiconName* name) {
  return lexicon.actors()[name->actor].type == ActorType::kCountry;
}

}  // namespace

ArticleActors ActorFinder::Find(std::string_view text, const std::vector<SentenceSpan>& sentences,
                                std::string_view article_date) const {
  const Impl& impl = *impl_;
  const Lexicon& lexicon = *impl.lexicon;
  ArticleActors out;
  out.sentences.resize(sentences.size());
  ArticleState state(lexicon, &out);
  int year = article_date.size() >= 4 ? std::atoi(std::string(article_date.substr(0, 4)).c_str()) : 0;

  std::vector<Hit> name_hits;
  const std::vector<Word> words = SplitWords(text);
  // Most words start no name, title or verb: the three passes that look for those go over
  // the others only, picked out by one test a word rather than a test in each pass.
  std::vector<Word> phrase_words;
  phrase_words.reserve(words.size() / 4);
  for (const Word& word : words) {
    if (PhraseMatcher::MayStartAt(impl.phrase_starts, word)) phrase_words.push_back(word);
  }
  for (const PhraseMatcher::Occurrence& found : impl.names->FindAll(text, phrase_words)) {
    name_hits.push_back({found.begin, found.end, &lexicon.names()[found.phrase]});
  }
  // Room for as many actors as there are lexicon names, so that they are seldom moved
  // to a larger list as they are found.
  out.actors.reserve(name_hits.size());
  std::vector<Hit> title_hits = impl.FindTitles(text, phrase_words);
  std::vector<std::size_t> verb_starts = impl.FindReportingVerbs(text, phrase_words);

  std::size_t next_name = 0, next_title = 0, next_verb = 0, first_word = 0;
  std::vector<Hit> hits, titles;  // of the sentence; reused, most sentences have few
  std::vector<SentenceMention> pronouns;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t sb = sentences[s].begin, se = sentences[s].end;
    while (first_word < words.size() && words[first_word].end <= sb) ++first_word;
    while (next_name < name_hits.size() && name_hits[next_name].begin < sb) ++next_name;
    while (next_title < title_hits.size() && title_hits[next_title].begin < sb) ++next_title;
    while (next_verb < verb_starts.size() && verb_starts[next_verb] < sb) ++next_verb;
    hits.clear();
    titles.clear();
    for (std::size_t i = next_name; i < name_hits.size() && name_hits[i].begin < se; ++i) {
      if (name_hits[i].end <= se) hits.push_back(name_hits[i]);
    }
    for (std::size_t i = next_title; i < title_hits.size() && title_hits[i].begin < se; ++i) {
      if (title_hits[i].end <= se) titles.push_back(title_hits[i]);
    }
    std::vector<SentenceMention>& mentions = out.sentences[s];
    auto hit_at = [&](std::size_t pos) -> Hit* {
      for (Hit& h : hits)
        if (h.begin == pos && !h.consumed) return &h;
      return nullptr;
    };
    auto hit_ending_before = [&](std::size_t pos) -> Hit* {
      // A hit that ends at `pos - 1` (one space) or is followed by "'s ".
      for (Hit& h : hits) {
        if (h.consumed) continue;
        if (h.end + 1 == pos && text[h.end] == ' ') return &h;
        if (h.end + 3 == pos && text.substr(h.end, 3) == "'s ") return &h;
      }
      return nullptr;
    };

    // 1 and 2: titles.
    for (const Hit& title : titles) {
      if (Overlaps(mentions, title.begin, title.end)) continue;
      const std::string_view title_text = text.substr(title.begin, title.end - title.begin);
      std::size_t after = title.end;
      while (after < se && text[after] == ' ') ++after;
      SentenceMention mention;
      mention.role = MentionRole::kPerson;
      mention.begin = title.begin;
      int actor = -1;
      std::string_view name_text;
      Hit* prefix = hit_ending_before(title.begin);
      static const std::string kNoCountry;
      const std::string& prefix_country =
          prefix != nullptr ? lexicon.actors()[prefix->name->actor].country_code() : kNoCountry;
      if (after > title.end && after - title.end == 1) {
        Hit* named = hit_at(after);
        if (named != nullptr && lexicon.actors()[named->name->actor].type == ActorType::kPerson) {
          actor = state.LexiconActor(named->name->actor);
          named->consumed = true;
          mention.end = named->end;
          name_text = text.substr(named->begin, named->end - named->begin);
        } else if (named == nullptr) {
          name_text = impl.NameAt(text, after, se, hits);
          if (name_text.empty()) name_text = impl.NameAfterComplement(text, title.end, se, hits);
          if (!name_text.empty()) {
            int known = state.PersonByWord(name_text);
            actor = known >= 0 ? known : state.UnknownPerson(name_text, prefix_country);
            mention.end = (name_text.data() - text.data()) + name_text.size();
          } else {
            // A single capitalised word after a title: a surname named before.
            std::size_t end = after;
            while (end < se && IsWordByte(text[end])) ++end;
            if (end > after && IsAsciiUpper(text[after])) {
              int known = state.PersonByWord(text.substr(after, end - after));
              if (known >= 0) {
                actor = known;
                mention.end = end;
              }
            }
          }
        }
      }
      if (actor < 0) {
        // A title alone. "the Russian foreign minister": resolve it within the article.
        if (prefix == nullptr || !IsCountryLike(lexicon, prefix->name)) continue;
        std::string_view raw_before = text.substr(sb, prefix->begin - sb);
        re2::StringPiece raw_piece(raw_before.data(), raw_before.size());
        // Apposition comes before "the ... title": in "Olaf Scholz, the German chancellor,"
        // and "Daleep Singh, the US deputy national security adviser," the title only
        // describes the person just named. Made a mention of its own, it would stand
        // between that subject and its verb and hide the relation.
        static const RE2 kAppositionTail(R"((, (?:the|a|an) (?:[a-z-]+ ){0,2})$)");
        re2::StringPiece tail;
        if (RE2::PartialMatch(raw_piece, kAppositionTail, &tail)) {
          std::size_t comma = tail.data() - text.data();
          int named = -1;
          for (const Hit& h : hits) {
            if (h.end == comma && lexicon.actors()[h.name->actor].type == ActorType::kPerson) {
              named = state.LexiconActor(h.name->actor);
            }
          }
          for (const SentenceMention& m : mentions) {
            if (m.end == comma && m.role == MentionRole::kPerson) named = m.actor;
          }
          if (named >= 0) {
            state.AddTitle(named, title_text);
            if (out.actors[named].country.empty()) out.actors[named].country = prefix_country;
            prefix->consumed = true;
            continue;
          }
          // A name nobody listed: apposition names a person and gives their country.
          static const RE2 kApposition(
              R"((\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}), (?:the|a|an) (?:[a-z-]+ ){0,2}$)");
          re2::StringPiece name_piece;
          if (RE2::PartialMatch(raw_piece, kApposition, &name_piece)) {
            std::size_t begin = name_piece.data() - text.data();
            std::size_t end = begin + name_piece.size();
            std::string_view name = impl.NameAt(text, begin, end, hits);
            if (name.size() == end - begin && !Overlaps(mentions, begin, end)) {
              int person = state.UnknownPerson(name, prefix_country);
              state.AddTitle(person, title_text);
              state.RegisterPerson(person, name);
              mentions.push_back({begin, end, person, MentionRole::kPerson});
              prefix->consumed = true;
              continue;
            }
          }
        }
        std::string before = Lower(raw_before);
        static const RE2 kDefinite(R"((?:^|\s)the (?:[a-z-]+ ){0,2}$)");
        if (!RE2::PartialMatch(before, kDefinite)) continue;
        std::string office = Lower(title_text);
        // Someone of that country named earlier in this sentence comes first: "Putin and
        // Modi met ..., provided the Russian leader attends".
        for (const Hit& h : hits) {
          const Actor& named = lexicon.actors()[h.name->actor];
          if (h.begin < prefix->begin && named.type == ActorType::kPerson && named.country == prefix_country) {
            actor = state.LexiconActor(h.name->actor);
          }
        }
        for (const SentenceMention& m : mentions) {
          if (m.begin < prefix->begin && out.actors[m.actor].type == ActorType::kPerson &&
              out.actors[m.actor].country == prefix_country) {
            actor = m.actor;
          }
        }
        if (actor < 0) actor = state.RecentPerson(prefix_country, office);
        if (actor < 0) actor = state.RecentPerson(prefix_country, "");
        if (actor < 0 && year > 0) {
          auto it = impl.offices.find({prefix_country, office});
          if (it != impl.offices.end()) {
            std::vector<int> holders;
            for (const Office& o : it->second)
              if (o.from <= year && year <= o.to) holders.push_back(o.actor);
            if (holders.size() == 1) actor = state.LexiconActor(holders[0]);
          }
        }
        if (actor < 0) continue;
        mention.end = title.end;
        mention.descriptive = true;
      }
      if (prefix != nullptr) {
        mention.begin = prefix->begin;
        prefix->consumed = true;
        if (out.actors[actor].country.empty() && IsCountryLike(lexicon, prefix->name)) {
          out.actors[actor].country = prefix_country;
        }
      }
      mention.actor = actor;
      if (!name_text.empty()) mention.name_begin = name_text.data() - text.data();
      state.AddTitle(actor, title_text);
      if (!name_text.empty()) state.RegisterPerson(actor, name_text);
      mentions.push_back(mention);
    }

    // 3: the remaining lexicon names.
    for (Hit& hit : hits) {
      if (hit.consumed || Overlaps(mentions, hit.begin, hit.end)) continue;
      const Actor& actor = lexicon.actors()[hit.name->actor];
      SentenceMention mention{hit.begin, hit.end, 0, MentionRole::kPerson};
      if (hit.name->kind == NameKind::kDemonym) {
        re2::StringPiece input(text.data(), se);
        re2::StringPiece noun;
        if (!impl.state_noun->Match(input, hit.end, se, RE2::ANCHOR_START, &noun, 1)) continue;
        mention.end = hit.end + noun.size();
      }
      mention.actor = state.LexiconActor(hit.name->actor);
      switch (actor.type) {
        case ActorType::kPerson:
          state.RegisterPerson(mention.actor, text.substr(hit.begin, hit.end - hit.begin));
          break;
        case ActorType::kCountry: {
          std::string_view before = WordBefore(text, sb, hit.begin);
          if (before == "the" || before == "The") {
            before = WordBefore(text, sb, (before.data() - text.data()));
          }
          bool located = hit.name->kind != NameKind::kDemonym && impl.locatives.count(std::string(before));
          mention.role = located ? MentionRole::kLocation : MentionRole::kCountry;
          break;
        }
        case ActorType::kOrganisation: {
          // "National Security Council" is not the UN's "Security Council": a body's
          // name that continues a run of capitalised words belongs to another body.
          std::string_view before = WordBefore(text, sb, hit.begin);
          bool continues = !before.empty() && IsAsciiUpper(before.front()) &&
                           hit.begin == (before.data() - text.data()) + before.size() + 1 &&
                           !impl.IsOrganisationWord(before) && !Overlaps(mentions, hit.begin - 1 - before.size(), hit.begin) &&
                           !std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.end + 1 == hit.begin; });
          if (continues && text.substr(hit.begin, hit.end - hit.begin).find(' ') != std::string_view::npos) continue;
          mention.role = MentionRole::kOrganisation;
          break;
        }
        case ActorType::kGroup:
          mention.role = MentionRole::kGroup;
          break;
      }
      hit.consumed = true;
      mentions.push_back(mention);
    }

    // 4: people nobody listed, named as the subject of a reporting verb. The name is at
    // most three words before a verb, so only those windows are searched, up to the end
    // of the longest verb.
    const std::string_view sentence_context = text.substr(0, se);
    ReportedNameMatcher::Match reported;
    std::size_t pos = sb;
    for (; next_verb < verb_starts.size() && verb_starts[next_verb] < se; ++next_verb) {
      const std::size_t verb = verb_starts[next_verb];
      if (!CapitalisedPairBefore(text, sb, verb)) continue;
      const std::size_t window = WordsBefore(text, sb, verb, 3);
      const std::size_t window_end = std::min(se, verb + impl.reported_name->longest_verb());
      while (std::max(pos, window) <= verb &&
             impl.reported_name->Find(sentence_context, std::max(pos, window), window_end, &reported)) {
        const std::size_t begin = reported.name_begin, end = reported.name_end;
        pos = reported.end;
        if (begin > 0 && IsWordByte(text[begin - 1])) continue;
        // The name must start its run of capitalised words: in "for International
        // Cooperation Daleep Singh warned" no three of them are surely a name.
        std::string_view previous = WordBefore(text, sb, begin);
        if (!previous.empty() && IsAsciiUpper(previous.front()) && begin - (previous.data() - text.data()) ==
                                                                  previous.size() + 1 &&
            !impl.IsOrganisationWord(previous)) {
          pos = begin + 1;
          continue;
        }
        if (Overlaps(mentions, begin, end)) continue;
        std::string_view name = impl.NameAt(text, begin, end, hits);
        if (name.size() != end - begin) continue;
        int actor = state.PersonByWord(name);
        if (actor < 0) actor = state.UnknownPerson(name, "");
        state.RegisterPerson(actor, name);
        mentions.push_back({begin, end, actor, MentionRole::kPerson});
      }
    }

    // 5: surnames and first names of people named before, once there are any.
    if (state.KnowsPeople()) {
      auto person_at = [&](std::size_t i, std::size_t j) -> std::size_t {
        // A hyphenated surname ("Ramos-Horta") is one word; "Biden-Putin" is two names.
        std::size_t k = j;
        while (k + 1 < se && text[k] == '-' && IsWordByte(text[k + 1])) {
          for (++k; k < se && IsWordByte(text[k]); ++k) {
          }
        }
        if (k > j && !Overlaps(mentions, i, k)) {
          int actor = state.PersonByWord(Slice(text, i, k));
          if (actor >= 0) {
            mentions.push_back({i, k, actor, MentionRole::kPerson});
            return k;
          }
        }
        if (!Overlaps(mentions, i, j)) {
          int actor = state.PersonByWord(Slice(text, i, j));
          if (actor >= 0) mentions.push_back({i, j, actor, MentionRole::kPerson});
        }
        return j;
      };
      // Most words are not capitalised; the test that turns them away stays in the loop,
      // where a call per word cost more than the test.
      ForEachWord(words, first_word, sb, se,
                  [&](std::size_t i, std::size_t j) { return IsAsciiUpper(text[i]) ? person_at(i, j) : j; });
    }

    std::sort(mentions.begin(), mentions.end(),
              [](const SentenceMention& a, const SentenceMention& b) { return a.begin < b.begin; });

    // 6: pronouns.
    int first_person = -1;
    pronouns.clear();
    std::size_t next_mention = 0;
    // Only a pronoun reads what the mentions before it did, so the other words leave them
    // to be taken in order before the next pronoun (or after the last word).
    auto pronoun_at = [&](std::size_t i, std::size_t j) -> std::size_t {
      while (next_mention < mentions.size() && mentions[next_mention].begin < i) {
        const SentenceMention& m = mentions[next_mention++];
        if (m.role == MentionRole::kPerson) {
          if (first_person < 0) first_person = m.actor;
          state.Saw(m.actor);
        }
      }
      const std::string_view word = Slice(text, i, j);
      if (EqualsIgnoringAsciiCase(word, "it") && !Overlaps(mentions, i, j)) {
        // "Germany said it would support France": in reported speech "it" is the state
        // or body that spoke. Elsewhere "it" is too often a thing to be resolved.
        static const RE2 kReported(
            R"( (?:(?:has|had|also) )*(?:said|says|stated|states|announced|announces|added|adds|warned|warns|insisted|insists|noted|notes|argued|declared|declares|confirmed|confirms)(?: on [A-Za-z]+)?,?(?: that)? )");
        for (auto m = mentions.rbegin(); m != mentions.rend(); ++m) {
          if (m->end > i) continue;
          bool body = m->role == MentionRole::kCountry || m->role == MentionRole::kOrganisation ||
                      m->role == MentionRole::kGroup;
          std::string_view between = text.substr(m->end, i - m->end);
          if (body && RE2::FullMatch(re2::StringPiece(between.data(), between.size()), kReported)) {
            pronouns.push_back({i, j, m->actor, m->role, /*descriptive=*/true});
          }
          break;
        }
      }
      bool subject_form = EqualsIgnoringAsciiCase(word, "he") || EqualsIgnoringAsciiCase(word, "she");
      bool object_form = EqualsIgnoringAsciiCase(word, "him");
      if ((subject_form || object_form) && !Overlaps(mentions, i, j)) {
        Gender gender = EqualsIgnoringAsciiCase(word, "she") ? Gender::kFemale : Gender::kMale;
        int actor = -1;
        if (subject_form) {
          if (first_person >= 0 && state.Compatible(first_person, gender)) actor = first_person;
          else if (first_person < 0 && state.subject >= 0 && state.Compatible(state.subject, gender))
            actor = state.subject;
          else actor = state.RecentCompatible(gender);
        } else {
          actor = state.RecentCompatible(gender);
        }
        if (actor >= 0) {
          pronouns.push_back({i, j, actor, MentionRole::kPerson, /*descriptive=*/true});
          if (first_person < 0) first_person = actor;
          state.Saw(actor);
        }
      }
      return j;
    };
    // Words of other lengths are turned away in the loop, as above.
    ForEachWord(words, first_word, sb, se, [&](std::size_t i, std::size_t j) {
      return j - i < 2 || j - i > 3 ? j : pronoun_at(i, j);  // none of "it", "he", "she", "him"
    });
    for (; next_mention < mentions.size(); ++next_mention) {
      const SentenceMention& m = mentions[next_mention];
      if (m.role == MentionRole::kPerson) {
        if (first_person < 0) first_person = m.actor;
        state.Saw(m.actor);
      }
    }
    if (first_person >= 0) state.subject = first_person;
    if (!pronouns.empty()) {
      mentions.insert(mentions.end(), pronouns.begin(), pronouns.end());
      std::sort(mentions.begin(), mentions.end(),
                [](const SentenceMention& a, const SentenceMention& b) { return a.begin < b.begin; });
    }
  }
  return out;
}

}  // namespace actorgraph
