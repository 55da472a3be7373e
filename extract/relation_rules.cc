// Parsing and matching relation rules. Macros are collected from every file before any
// pattern is expanded, so files may use each other's macros whatever their order. Each
// pattern becomes one RE2 with the named groups X, Y and P; the actors inside a group are
// read back from the placeholders it captured.
#include "extract/relation_rules.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "extract/error.h"

namespace actorgraph {
namespace {

constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

struct Pattern {
  int type = 0;
  std::string location;
  std::unique_ptr<RE2> re;
  int x_group = 0, y_group = 0, p_group = 0;  // 1-based capture indices, 0 if absent
};

// The role letters a placeholder type admits.
bool RoleLetters(std::string_view types, std::string* letters) {
  letters->clear();
  std::size_t start = 0;
  while (start <= types.size()) {
    std::size_t plus = types.find('+', start);
    std::string_view type = types.substr(start, plus == std::string_view::npos ? std::string_view::npos : plus - start);
    if (type == "person") *letters += 'P';
    else if (type == "country") *letters += 'C';
    else if (type == "organisation" || type == "organization") *letters += 'O';
    else if (type == "group") *letters += 'G';
    else if (type == "place") *letters += "CL";
    else if (type == "actor") *letters += "PCOG";
    else return false;
    if (plus == std::string_view::npos) break;
    start = plus + 1;
  }
  return !letters->empty();
}

// A coordinated list of placeholders: "A", "A and B", "both A and B", "A, B and his C".
// Commas join items only in a list that ends with a conjunction: in "Besides Singh, Truss
// held talks" the two are not one subject.
std::string ListOf(const std::string& letters, const std::string& name) {
  std::string one = std::string(1, kOpen) + "[" + letters + "]\\d+" + std::string(1, kClose);
  std::string determiner = "(?:(?:his|her|their|its|the) )?";
  std::string conjunction = "(?:,? and |,? as well as |,? along with |,? or | & )" + determiner;
  return "(?P<" + name + ">(?:both |either )?" + one + "(?:(?:, " + determiner + one + ")*" + conjunction +
         one + ")?)";
}

std::vector<int> MentionsIn(std::string_view group) {
  std::vector<int> mentions;
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (group[i] != kOpen || i + 2 >= group.size()) continue;
    int index = 0;
    std::size_t j = i + 2;
    while (j < group.size() && group[j] >= '0' && group[j] <= '9') index = index * 10 + (group[j++] - '0');
    mentions.push_back(index);
    i = j;
  }
  return mentions;
}

class RulesParser {
 public:
  void CollectMacros(const RuleSource& source) {
    for (const RuleLine& line : SplitRuleLines(source.text, /*keep_hash=*/true)) {
      if (line.field != "define") continue;
      std::string_view value = line.value;
      std::size_t space = value.find_first_of(" \t");
      if (space == std::string_view::npos) {
        throw Error(RuleError(source.path, line.number, "define needs a name and a pattern"));
      }
      std::string name(value.substr(0, space));
      std::string body(value.substr(value.find_first_not_of(" \t", space)));
      std::string at = source.path + ":" + std::to_string(line.number);
      if (name == "X" || name == "Y" || name == "P") {
        throw Error(RuleError(source.path, line.number, "'" + name + "' is a placeholder, not a macro name"));
      }
      auto [it, inserted] = macros_.try_emplace(name, Macro{body, at});
      if (!inserted) {
        throw Error(RuleError(source.path, line.number, "macro '" + name + "' already defined at " + it->second.at));
      }
    }
  }

  void ParseRelations(const RuleSource& source, std::vector<RelationType>* types,
                      std::vector<Pattern>* patterns) {
    int current = -1;
    for (const RuleLine& line : SplitRuleLines(source.text, /*keep_hash=*/true)) {
      std::string field(line.field);
      std::string value(line.value);
      auto error = [&](const std::string& message) { return Error(RuleError(source.path, line.number, message)); };
      if (field == "define") continue;
      if (field == "relation") {
        if (value.empty()) throw error("relation without a name");
        for (const RelationType& type : *types) {
          if (type.name == value) throw error("relation '" + value + "' already defined at " + type.defined_at);
        }
        RelationType type;
        type.name = value;
        type.defined_at = source.path + ":" + std::to_string(line.number);
        types->push_back(type);
        current = static_cast<int>(types->size()) - 1;
        continue;
      }
      if (current < 0) throw error("'" + field + "' outside a relation block");
      RelationType& type = (*types)[current];
      if (field == "symmetric") {
        if (value != "yes" && value != "no") throw error("symmetric must be yes or no: '" + value + "'");
        type.symmetric = value == "yes";
      } else if (field == "family") {
        if (value != "cooperation" && value != "conflict" && value != "neutral") {
          throw error("family must be cooperation, conflict or neutral: '" + value + "'");
        }
        type.family = value;
      } else if (field == "cameo") {
        type.cameo = value;
      } else if (field == "pattern") {
        if (value.empty()) throw error("empty pattern");
        patterns->push_back(Compile(value, current, type, source.path, line.number));
      } else {
        throw error("unknown field '" + field + "'");
      }
    }
  }

 private:
  struct Macro {
    std::string body;
    std::string at;
  };

  Pattern Compile(const std::string& text, int type_index, const RelationType& type,
                  const std::string& path, int line) {
    bool has_x = false, has_y = false, has_p = false;
    std::string regex = Expand(text, path, line, 0, &has_x, &has_y, &has_p);
    auto error = [&](const std::string& message) { return Error(RuleError(path, line, message)); };
    if (has_p && !type.symmetric) throw error("{P} is for symmetric relations; use {X} and {Y}");
    if (has_p && (has_x || has_y)) throw error("a pattern uses either {P} or {X} and {Y}");
    if (!has_p && !(has_x && has_y)) throw error("a pattern needs both {X} and {Y}, or {P}");
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    options.set_max_mem(16 << 20);
    Pattern pattern;
    pattern.type = type_index;
    pattern.location = path + ":" + std::to_string(line);
    pattern.re = std::make_unique<RE2>(regex, options);
    if (!pattern.re->ok()) throw error("bad pattern: " + pattern.re->error());
    const std::map<std::string, int>& groups = pattern.re->NamedCapturingGroups();
    auto group = [&](const char* name) {
      auto it = groups.find(name);
      return it == groups.end() ? 0 : it->second;
    };
    pattern.x_group = group("X");
    pattern.y_group = group("Y");
    pattern.p_group = group("P");
    return pattern;
  }

  // Replaces {NAME} macros (recursively) and the placeholders {X}, {Y}, {P} (with an
  // optional ":type") in `text`. A '{' that does not start a name, as in "x{2,3}", stays.
  std::string Expand(const std::string& text, const std::string& path, int line, int depth,
                     bool* has_x, bool* has_y, bool* has_p) {
    if (depth > 10) throw Error(RuleError(path, line, "macros nest too deeply (a macro that uses itself?)"));
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) {
        out += text.substr(i, 2);
        ++i;
        continue;
      }
      if (text[i] != '{') {
        out += text[i];
        continue;
      }
      std::size_t close = text.find('}', i);
      std::string inside = close == std::string::npos ? "" : text.substr(i + 1, close - i - 1);
      bool is_name = !inside.empty() && (std::isalpha(static_cast<unsigned char>(inside[0])) || inside[0] == '_');
      if (!is_name) {
        out += text[i];
        continue;
      }
      std::string name = inside.substr(0, inside.find(':'));
      std::string types = inside.find(':') == std::string::npos ? "actor" : inside.substr(inside.find(':') + 1);
      if (name == "X" || name == "Y" || name == "P") {
        bool* seen = name == "X" ? has_x : name == "Y" ? has_y : has_p;
        if (*seen) throw Error(RuleError(path, line, "{" + name + "} used twice in one pattern"));
        *seen = true;
        std::string letters;
        if (!RoleLetters(types, &letters)) {
          throw Error(RuleError(path, line, "unknown actor type '" + types +
                                                "' (person, country, organisation, group, place, actor)"));
        }
        out += ListOf(letters, name);
      } else {
        auto it = macros_.find(name);
        if (it == macros_.end()) throw Error(RuleError(path, line, "unknown macro {" + name + "}"));
        out += "(?:" + Expand(it->second.body, path, line, depth + 1, has_x, has_y, has_p) + ")";
      }
      i = close;
    }
    return out;
  }

  std::map<std::string, Macro> macros_;
};

// A cheap first pass: the literal strings (atoms) a pattern cannot match without, as
// RE2's FilteredRE2 extracts them, found in one scan of the sentence; only the patterns
// whose atoms are all present run. The atoms are lowercase and are matched ignoring case,
// which can only let more patterns through, never fewer.
struct Prefilter {
  re2::FilteredRE2 filter;
  std::unique_ptr<RE2::Set> atoms;

  // The patterns that may match `sentence`, ascending; false if every pattern must run.
  bool Candidates(re2::StringPiece sentence, std::vector<int>* candidates) const {
    std::vector<int> found;
    RE2::Set::ErrorInfo info;
    if (!atoms->Match(sentence, &found, &info) && info.kind != RE2::Set::kNoError) return false;
    filter.AllPotentials(found, candidates);
    std::sort(candidates->begin(), candidates->end());
    return true;
  }
};

std::unique_ptr<Prefilter> BuildPrefilter(const std::vector<Pattern>& patterns) {
  auto prefilter = std::make_unique<Prefilter>();
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  for (const Pattern& pattern : patterns) {
    int id = 0;
    if (prefilter->filter.Add(pattern.re->pattern(), options, &id) != RE2::NoError) return nullptr;
  }
  std::vector<std::string> atoms;
  prefilter->filter.Compile(&atoms);
  if (atoms.empty()) return nullptr;
  prefilter->atoms = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms) {
    // Atoms are lowercased by rune; a non-ASCII one might not match its text ignoring case.
    for (char c : atom) {
      if (static_cast<unsigned char>(c) >= 0x80) return nullptr;
    }
    if (prefilter->atoms->Add(RE2::QuoteMeta(atom), nullptr) < 0) return nullptr;
  }
  if (!prefilter->atoms->Compile()) return nullptr;
  return prefilter;
}

}  // namespace

struct RelationRules::Impl {
  std::vector<RelationType> types;
  std::vector<Pattern> patterns;
  std::unique_ptr<Prefilter> prefilter;  // null: run every pattern on every sentence
};

RelationRules::RelationRules() : impl_(std::make_unique<Impl>()) {}
RelationRules::~RelationRules() = default;
RelationRules::RelationRules(RelationRules&&) noexcept = default;
RelationRules& RelationRules::operator=(RelationRules&&) noexcept = default;

RelationRules RelationRules::Load(const std::vector<RuleSource>& sources) {
  RelationRules rules;
  RulesParser parser;
  std::vector<const RuleSource*> files = SourcesWithExtension(sources, ".rules");
  for (const RuleSource* source : files) parser.CollectMacros(*source);
  for (const RuleSource* source : files) parser.ParseRelations(*source, &rules.impl_->types, &rules.impl_->patterns);
  rules.impl_->prefilter = BuildPrefilter(rules.impl_->patterns);
  return rules;
}

const std::vector<RelationType>& RelationRules::types() const { return impl_->types; }

const std::string& RelationRules::pattern_location(std::size_t pattern) const {
  return impl_->patterns[pattern].location;
}

std::string RelationRules::Placeholder(int index, char role) {
  return std::string(1, kOpen) + role + std::to_string(index) + std::string(1, kClose);
}

std::vector<RuleMatch> RelationRules::Match(std::string_view sentence) const {
  std::vector<RuleMatch> matches;
  re2::StringPiece input(sentence.data(), sentence.size());
  std::vector<int> candidates;
  bool all = !impl_->prefilter || !impl_->prefilter->Candidates(input, &candidates);
  const std::size_t runs = all ? impl_->patterns.size() : candidates.size();
  for (std::size_t k = 0; k < runs; ++k) {
    const std::size_t p = all ? k : static_cast<std::size_t>(candidates[k]);
    const Pattern& pattern = impl_->patterns[p];
    int groups = 1 + pattern.re->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> captured(groups);
    std::size_t pos = 0;
    while (pos < sentence.size() &&
           pattern.re->Match(input, pos, sentence.size(), RE2::UNANCHORED, captured.data(), groups)) {
      RuleMatch match;
      match.type = pattern.type;
      match.pattern = p;
      match.begin = captured[0].data() - sentence.data();
      match.end = match.begin + captured[0].size();
      auto mentions = [&](int group) {
        return group ? MentionsIn(std::string_view(captured[group].data(), captured[group].size()))
                     : std::vector<int>();
      };
      match.sources = mentions(pattern.x_group);
      match.targets = mentions(pattern.y_group);
      match.participants = mentions(pattern.p_group);
      for (int group : {pattern.x_group, pattern.y_group, pattern.p_group}) {
        if (group == 0) continue;
        std::size_t begin = captured[group].data() - sentence.data();
        match.lists.emplace_back(begin, begin + captured[group].size());
      }
      std::sort(match.lists.begin(), match.lists.end());
      // Go on after this match: an actor inside its gaps is not the subject of a second
      // reading of the same words ("X is to visit Russia for talks with Y" names no
      // meeting of Russia's).
      pos = std::max(match.end, match.begin + 1);
      matches.push_back(std::move(match));
    }
  }
  return matches;
}

}  // namespace actorgraph
