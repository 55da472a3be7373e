// The text of the rule files a run uses: the built-in ones (extract/rules/, compiled in)
// followed by those of the user's --rules folder, and a line reader shared by every
// rule-file parser so all of them agree on comments, fields and error positions.
#ifndef ACTORGRAPH_EXTRACT_RULE_SOURCE_H_
#define ACTORGRAPH_EXTRACT_RULE_SOURCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

struct RuleSource {
  std::string path;  // shown in errors: "actors/countries.actors" (built-in) or the user's path
  std::string text;
  bool builtin = false;
};

// The built-in rule files, then every *.actors, *.rules and *.words file below
// `user_dir` (sorted by path) when it is not empty. Throws Error naming `user_dir` if it
// is missing or holds no rule file, and naming a file that cannot be read.
std::vector<RuleSource> LoadRuleSources(const std::string& user_dir);

// The files of `sources` whose path ends with `extension` (".actors").
std::vector<const RuleSource*> SourcesWithExtension(const std::vector<RuleSource>& sources,
                                                    std::string_view extension);

// One meaningful line of a rule file: "<field> <value>", with its position. Comments
// (from a '#' at the start of a line or after whitespace) and blank lines are skipped.
struct RuleLine {
  int number = 0;          // 1-based line number
  bool indented = false;   // the line starts with a space or tab
  std::string_view field;  // the first word
  std::string_view value;  // the rest, trimmed; may be empty
};

// Splits `text` into RuleLines. `keep_hash` leaves '#' inside values alone (for regex
// patterns), so only whole-line comments are dropped. The views point into `text`.
std::vector<RuleLine> SplitRuleLines(std::string_view text, bool keep_hash = false);

// "a | b | c" -> {"a", "b", "c"}, trimmed, empty parts dropped.
std::vector<std::string> SplitAlternatives(std::string_view value);

// "path:line: message", the one form of every rule-file error.
std::string RuleError(const std::string& path, int line, const std::string& message);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_RULE_SOURCE_H_
