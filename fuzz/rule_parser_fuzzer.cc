// libFuzzer target: Lexicon::Load and RelationRules::Load (fuzz/rule_parser_check.h).
#include <cstdint>
#include <vector>

#include "fuzz/rule_parser_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<actorgraph::RuleSource> builtin = actorgraph::LoadRuleSources("");
  actorgraph::fuzz::CheckRuleParser(data, size, builtin);
  return 0;
}
