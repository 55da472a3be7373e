// Loading the lexicon. Names live in one table keyed by their exact text; each records
// the file:line that claimed it, so a clash names both places. Built-in files form one
// layer and user files another: a user layer may replace built-in actors and names
// wholesale, but inside one layer every actor and every name must be unique, which is
// what keeps a growing dictionary from silently going stale or ambiguous.
#include "extract/lexicon.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "extract/error.h"

namespace actorgraph {
namespace {

struct NameClaim {
  LexiconName name;
  std::string claimed_at;  // file:line
  bool builtin = true;
};

bool IsAlpha3(std::string_view code) {
  return code.size() == 3 && std::isupper(static_cast<unsigned char>(code[0])) &&
         std::isupper(static_cast<unsigned char>(code[1])) &&
         std::isupper(static_cast<unsigned char>(code[2]));
}

// Words whose first letter is upper case: a first name that can become an initial.
bool StartsUpper(std::string_view word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word[0]));
}

bool IsSuffix(std::string_view word) {
  return word == "Jr." || word == "Jr" || word == "Sr." || word == "II" || word == "III";
}

// Surname and GivenName take their words apart in place: the actor finder asks them of
// every person it names, and NameWords allocates a vector each time.
bool HasWord(std::string_view text) { return text.find_first_not_of(' ') != std::string_view::npos; }

// Removes the last word of `*rest` and the spaces after it, and returns that word; empty
// if `*rest` holds none.
std::string_view PopLastWord(std::string_view* rest) {
  const std::size_t last = rest->find_last_not_of(' ');
  if (last == std::string_view::npos) {
    *rest = {};
    return {};
  }
  const std::size_t space = rest->find_last_of(' ', last);
  const std::size_t begin = space == std::string_view::npos ? 0 : space + 1;
  std::string_view word = rest->substr(begin, last + 1 - begin);
  *rest = rest->substr(0, begin);
  return word;
}

class LexiconParser {
 public:
  void ParseFile(const RuleSource& source) {
    Actor* actor = nullptr;
    int actor_line = 0;
    auto finish = [&]() {
      if (actor != nullptr && !has_type_) {
        throw Error(RuleError(source.path, actor_line, "actor '" + actor->name + "' has no type"));
      }
    };
    for (const RuleLine& line : SplitRuleLines(source.text)) {
      std::string field(line.field);
      if (field == "actor") {
        finish();
        if (line.value.empty()) throw Error(RuleError(source.path, line.number, "actor without a name"));
        std::string name(line.value);
        std::string at = source.path + ":" + std::to_string(line.number);
        auto existing = actors_.find(name);
        if (existing != actors_.end()) {
          if (existing->second.builtin == source.builtin) {
            throw Error(RuleError(source.path, line.number,
                                  "duplicate actor '" + name + "' (first defined at " +
                                      existing->second.actor.defined_at + ")"));
          }
          actors_.erase(existing);  // a user file replaces the built-in definition
        }
        Entry& entry = actors_[name];
        entry.builtin = source.builtin;
        entry.actor.name = name;
        entry.actor.defined_at = at;
        entry.order = next_order_++;
        entry.names.clear();
        entry.names.push_back({name, at, NameKind::kName});
        actor = &entry.actor;
        current_ = &entry;
        has_type_ = false;
        actor_line = line.number;
        continue;
      }
      if (actor == nullptr) {
        throw Error(RuleError(source.path, line.number, "'" + field + "' outside an actor block"));
      }
      if (line.value.empty()) {
        throw Error(RuleError(source.path, line.number, "'" + field + "' without a value"));
      }
      std::string at = source.path + ":" + std::to_string(line.number);
      std::string value(line.value);
      if (field == "type") {
        auto type = ParseActorType(value);
        if (!type) throw Error(RuleError(source.path, line.number, "unknown type '" + value + "'"));
        actor->type = *type;
        has_type_ = true;
      } else if (field == "code") {
        if (!IsAlpha3(value)) throw Error(RuleError(source.path, line.number, "code must be an ISO alpha-3 code: '" + value + "'"));
        actor->code = value;
      } else if (field == "country") {
        if (!IsAlpha3(value)) throw Error(RuleError(source.path, line.number, "country must be an ISO alpha-3 code: '" + value + "'"));
        actor->country = value;
      } else if (field == "gender") {
        if (value == "male") actor->gender = Gender::kMale;
        else if (value == "female") actor->gender = Gender::kFemale;
        else throw Error(RuleError(source.path, line.number, "gender must be male or female: '" + value + "'"));
      } else if (field == "role") {
        for (std::string& role : SplitAlternatives(value)) actor->roles.push_back(std::move(role));
      } else if (field == "alias" || field == "capital" || field == "demonym" || field == "metonym") {
        NameKind kind = field == "alias"     ? NameKind::kName
                        : field == "capital" ? NameKind::kCapital
                        : field == "demonym" ? NameKind::kDemonym
                                             : NameKind::kMetonym;
        for (std::string& name : SplitAlternatives(value)) {
          current_->names.push_back({std::move(name), at, kind});
        }
      } else {
        throw Error(RuleError(source.path, line.number, "unknown field '" + field + "'"));
      }
    }
    finish();
  }

  // Orders actors by definition, assigns indices and builds the name table.
  void Finish(std::vector<Actor>* actors, std::vector<LexiconName>* names) {
    std::vector<Entry*> ordered;
    for (auto& [name, entry] : actors_) ordered.push_back(&entry);
    std::sort(ordered.begin(), ordered.end(), [](Entry* a, Entry* b) { return a->order < b->order; });

    std::map<std::string, NameClaim> claims;
    std::map<std::string, std::set<int>> generated;  // initial variants, dropped if ambiguous
    for (std::size_t index = 0; index < ordered.size(); ++index) {
      Entry& entry = *ordered[index];
      int actor = static_cast<int>(index);
      for (const PendingName& pending : entry.names) {
        auto [it, inserted] = claims.try_emplace(
            pending.text, NameClaim{{pending.text, actor, pending.kind}, pending.at, entry.builtin});
        if (inserted || it->second.name.actor == actor) continue;
        if (it->second.builtin == entry.builtin) {
          throw Error(pending.at + ": '" + pending.text + "' already names " +
                      ordered[it->second.name.actor]->actor.name + " (" + it->second.claimed_at + ")");
        }
        if (!entry.builtin) it->second = NameClaim{{pending.text, actor, pending.kind}, pending.at, false};
      }
      if (entry.actor.type == ActorType::kPerson) {
        for (const PendingName& pending : entry.names) {
          if (pending.kind != NameKind::kName) continue;
          std::vector<std::string_view> words = NameWords(pending.text);
          if (words.size() < 2 || !StartsUpper(words[0]) || words[0].size() < 2 ||
              words[0].back() == '.') {
            continue;
          }
          std::string rest(pending.text.substr(words[1].data() - pending.text.data()));
          std::string initial(1, words[0][0]);
          generated[initial + ". " + rest].insert(actor);
          generated[initial + " " + rest].insert(actor);
        }
      }
    }
    for (const auto& [text, owners] : generated) {
      if (owners.size() != 1 || claims.count(text)) continue;
      claims.emplace(text, NameClaim{{text, *owners.begin(), NameKind::kName}, "", true});
    }
    for (Entry* entry : ordered) actors->push_back(entry->actor);
    for (auto& [text, claim] : claims) names->push_back(claim.name);
  }

 private:
  struct PendingName {
    std::string text;
    std::string at;
    NameKind kind;
  };
  struct Entry {
    Actor actor;
    std::vector<PendingName> names;
    bool builtin = true;
    int order = 0;
  };
  std::map<std::string, Entry> actors_;
  Entry* current_ = nullptr;
  bool has_type_ = false;
  int next_order_ = 0;
};

}  // namespace

Lexicon Lexicon::Load(const std::vector<RuleSource>& sources) {
  LexiconParser parser;
  for (const RuleSource* source : SourcesWithExtension(sources, ".actors")) parser.ParseFile(*source);
  Lexicon lexicon;
  parser.Finish(&lexicon.actors_, &lexicon.names_);
  for (std::size_t i = 0; i < lexicon.names_.size(); ++i) {
    lexicon.name_index_.emplace(lexicon.names_[i].text, static_cast<int>(i));
  }
  for (std::size_t i = 0; i < lexicon.actors_.size(); ++i) {
    const Actor& actor = lexicon.actors_[i];
    lexicon.actor_index_.emplace(actor.name, static_cast<int>(i));
    if (actor.type == ActorType::kCountry && !actor.code.empty()) {
      lexicon.country_index_.emplace(actor.code, static_cast<int>(i));
    }
  }
  return lexicon;
}

const LexiconName* Lexicon::FindName(std::string_view text) const {
  auto it = name_index_.find(std::string(text));
  return it == name_index_.end() ? nullptr : &names_[it->second];
}

int Lexicon::FindActor(std::string_view canonical) const {
  auto it = actor_index_.find(std::string(canonical));
  return it == actor_index_.end() ? -1 : it->second;
}

int Lexicon::FindCountry(std::string_view code) const {
  auto it = country_index_.find(std::string(code));
  return it == country_index_.end() ? -1 : it->second;
}

std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    std::size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    if (j > i) words.push_back(name.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string_view Surname(std::string_view name) {
  std::string_view rest = name;
  std::string_view word = PopLastWord(&rest);
  while (IsSuffix(word) && HasWord(rest)) word = PopLastWord(&rest);
  return HasWord(rest) ? word : std::string_view();
}

std::string_view GivenName(std::string_view name) {
  const std::size_t begin = name.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  const std::size_t end = std::min(name.find(' ', begin), name.size());
  return HasWord(name.substr(end)) ? name.substr(begin, end - begin) : std::string_view();
}

}  // namespace actorgraph
