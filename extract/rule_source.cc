#include "extract/rule_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/builtin_rules.h"
#include "extract/error.h"

namespace actorgraph {
namespace {

bool IsRuleFile(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  return ext == ".actors" || ext == ".rules" || ext == ".words";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<RuleSource> LoadRuleSources(const std::string& user_dir) {
  std::vector<RuleSource> sources;
  for (const RuleFileText& file : BuiltinRuleFiles()) {
    sources.push_back({std::string(file.path), std::string(file.text), true});
  }
  if (user_dir.empty()) return sources;

  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(user_dir, ec)) {
    throw Error(user_dir + ": rules folder not found");
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(user_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && IsRuleFile(it->path())) files.push_back(it->path());
  }
  if (ec) throw Error(user_dir + ": cannot list: " + ec.message());
  if (files.empty()) throw Error(user_dir + ": no .actors, .rules or .words files found");
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) throw Error(path.string() + ": cannot read");
    sources.push_back({path.string(), text.str(), false});
  }
  return sources;
}

std::vector<const RuleSource*> SourcesWithExtension(const std::vector<RuleSource>& sources,
                                                    std::string_view extension) {
  std::vector<const RuleSource*> matching;
  for (const RuleSource& source : sources) {
    if (source.path.ends_with(extension)) matching.push_back(&source);
  }
  return matching;
}

std::vector<RuleLine> SplitRuleLines(std::string_view text, bool keep_hash) {
  std::vector<RuleLine> lines;
  int number = 0;
  while (!text.empty()) {
    std::size_t newline = text.find('\n');
    std::string_view raw = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++number;
    std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (!keep_hash) {
      for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
          line = Trim(line.substr(0, i));
          break;
        }
      }
    }
    RuleLine rule_line;
    rule_line.number = number;
    rule_line.indented = raw.front() == ' ' || raw.front() == '\t';
    std::size_t space = line.find_first_of(" \t");
    rule_line.field = line.substr(0, space);
    rule_line.value = space == std::string_view::npos ? std::string_view() : Trim(line.substr(space));
    lines.push_back(rule_line);
  }
  return lines;
}

std::vector<std::string> SplitAlternatives(std::string_view value) {
  std::vector<std::string> parts;
  while (true) {
    std::size_t bar = value.find('|');
    std::string_view part = Trim(value.substr(0, bar));
    if (!part.empty()) parts.emplace_back(part);
    if (bar == std::string_view::npos) break;
    value.remove_prefix(bar + 1);
  }
  return parts;
}

std::string RuleError(const std::string& path, int line, const std::string& message) {
  return path + ":" + std::to_string(line) + ": " + message;
}

}  // namespace actorgraph
