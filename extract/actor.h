// Actors: the people, countries, organisations and groups between whom relations run.
#ifndef ACTORGRAPH_EXTRACT_ACTOR_H_
#define ACTORGRAPH_EXTRACT_ACTOR_H_

#include <optional>
#include <string>
#include <string_view>

namespace actorgraph {

enum class ActorType { kPerson, kCountry, kOrganisation, kGroup };

// "person", "country", "organisation", "group".
std::string_view ActorTypeName(ActorType type);
// Inverse of ActorTypeName; also accepts "organization". nullopt for anything else.
std::optional<ActorType> ParseActorType(std::string_view name);

// An actor as a relation names it: its canonical name and what is known of it.
struct ActorRef {
  std::string name;     // canonical: "Sergey Lavrov", "India"
  ActorType type = ActorType::kPerson;
  std::string country;  // ISO 3166-1 alpha-3 ("RUS") for people and countries, where known
  std::string surface;  // the words of the text that named it: "Russian Foreign Minister Sergei Lavrov"
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_ACTOR_H_
