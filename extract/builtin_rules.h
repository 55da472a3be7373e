// The rule files that ship with actorgraph (extract/rules/), compiled into the library.
#ifndef ACTORGRAPH_EXTRACT_BUILTIN_RULES_H_
#define ACTORGRAPH_EXTRACT_BUILTIN_RULES_H_

#include <span>
#include <string_view>

namespace actorgraph {

struct RuleFileText {
  std::string_view path;  // relative to extract/rules/: "actors/countries.actors"
  std::string_view text;
};

// Every built-in rule file, sorted by path. The views live as long as the program.
std::span<const RuleFileText> BuiltinRuleFiles();

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_BUILTIN_RULES_H_
