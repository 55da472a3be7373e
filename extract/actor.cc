#include "extract/actor.h"

namespace actorgraph {

std::string_view ActorTypeName(ActorType type) {
  switch (type) {
    case ActorType::kPerson:
      return "person";
    case ActorType::kCountry:
      return "country";
    case ActorType::kOrganisation:
      return "organisation";
    case ActorType::kGroup:
      return "group";
  }
  return "person";
}

std::optional<ActorType> ParseActorType(std::string_view name) {
  if (name == "person") return ActorType::kPerson;
  if (name == "country") return ActorType::kCountry;
  if (name == "organisation" || name == "organization") return ActorType::kOrganisation;
  if (name == "group") return ActorType::kGroup;
  return std::nullopt;
}

}  // namespace actorgraph
