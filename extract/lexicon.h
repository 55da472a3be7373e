// The actor lexicon: every actor actorgraph knows by name, loaded from the *.actors rule
// files (format: extract/rules/README.md). It answers "which actor does this exact name
// stand for, and how" (a name, a capital, a demonym, a metonym).
#ifndef ACTORGRAPH_EXTRACT_LEXICON_H_
#define ACTORGRAPH_EXTRACT_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/actor.h"
#include "extract/rule_source.h"

namespace actorgraph {

enum class Gender { kUnknown, kMale, kFemale };

struct Actor {
  std::string name;  // canonical
  ActorType type = ActorType::kPerson;
  std::string code;     // countries: ISO 3166-1 alpha-3
  std::string country;  // others: alpha-3 of their country, may be empty
  Gender gender = Gender::kUnknown;
  std::vector<std::string> roles;  // "foreign minister 2004-"
  std::string defined_at;          // "file:line" of its `actor` line

  // The alpha-3 code a relation reports for this actor: its own code for a country.
  const std::string& country_code() const { return type == ActorType::kCountry ? code : country; }
};

// How a name refers to its actor. A demonym ("Indian") names a country only in some
// contexts ("the Indian government", "Indian Foreign Minister X"), so it is kept apart.
enum class NameKind { kName, kCapital, kDemonym, kMetonym };

struct LexiconName {
  std::string text;  // exact, case-sensitive
  int actor = 0;     // index into Lexicon::actors()
  NameKind kind = NameKind::kName;
};

// Immutable after Load; safe to share between threads.
class Lexicon {
 public:
  // Parses the *.actors files of `sources` in order. A file that is not built-in may
  // redefine a built-in actor (same canonical name): the new definition replaces the old
  // one and its names win any clash with built-in names. Throws Error "file:line: ..."
  // for an unknown field or type, a field outside an actor block, a missing type, an actor
  // defined twice in the same layer, or a name claimed by two actors of the same layer.
  // People also match with their first name as an initial ("S. Jaishankar",
  // "S Jaishankar"), unless that variant is ambiguous.
  static Lexicon Load(const std::vector<RuleSource>& sources);

  const std::vector<Actor>& actors() const { return actors_; }
  // Every matchable name, each text once.
  const std::vector<LexiconName>& names() const { return names_; }

  // The entry for exactly this text, or nullptr.
  const LexiconName* FindName(std::string_view text) const;
  // Index of the actor with this canonical name, or -1.
  int FindActor(std::string_view canonical) const;
  // Index of the country with this alpha-3 code, or -1.
  int FindCountry(std::string_view code) const;

 private:
  std::vector<Actor> actors_;
  std::vector<LexiconName> names_;
  std::unordered_map<std::string, int> name_index_;   // text -> index into names_
  std::unordered_map<std::string, int> actor_index_;  // canonical -> actor
  std::unordered_map<std::string, int> country_index_;
};

// The words of a name or phrase, split on spaces; the views point into `name`.
std::vector<std::string_view> NameWords(std::string_view name);

// "Sergey Viktorovich Lavrov" -> "Lavrov"; the last word of a person's name, without a
// generational suffix ("Jr.", "III"). Empty for one-word names. The view points into
// `name`.
std::string_view Surname(std::string_view name);
// The first word of a person's name ("Sergey"), or empty for one-word names. The view
// points into `name`.
std::string_view GivenName(std::string_view name);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_LEXICON_H_
