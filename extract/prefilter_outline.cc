// One pass over the regex that knows just enough of RE2's syntax to tell where each
// quantifier's operand starts: a group, a class, an escape, or one (UTF-8) character.
// A piece it cannot tell apart is left as it is, which keeps the outline a superset.
#include "extract/prefilter_outline.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace actorgraph {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The end of the escape at regex[i] == '\\'.
std::size_t EscapeEnd(std::string_view regex, std::size_t i) {
  std::size_t j = i + 1;
  if (j >= regex.size()) return regex.size();
  char c = regex[j];
  if ((c == 'p' || c == 'P' || c == 'x') && j + 1 < regex.size() && regex[j + 1] == '{') {
    std::size_t close = regex.find('}', j + 2);
    return close == kNone ? regex.size() : close + 1;
  }
  if (c == 'p' || c == 'P') return std::min(regex.size(), j + 2);  // \pN
  if (c == 'x') return std::min(regex.size(), j + 3);              // \x41
  if (c >= '0' && c <= '7') {                                      // octal: up to three digits
    std::size_t end = j + 1;
    while (end < regex.size() && end < j + 3 && regex[end] >= '0' && regex[end] <= '7') ++end;
    return end;
  }
  return j + 1;
}

// The end of the class that starts at regex[i] == '['.
std::size_t ClassEnd(std::string_view regex, std::size_t i) {
  std::size_t j = i + 1;
  if (j < regex.size() && regex[j] == '^') ++j;
  if (j < regex.size() && regex[j] == ']') ++j;  // a leading ']' is literal
  while (j < regex.size() && regex[j] != ']') {
    if (regex[j] == '\\') {
      j = EscapeEnd(regex, j);
    } else if (regex[j] == '[' && j + 1 < regex.size() && regex[j + 1] == ':') {
      std::size_t close = regex.find(":]", j + 2);
      j = close == kNone ? regex.size() : close + 2;
    } else {
      ++j;
    }
  }
  return j < regex.size() ? j + 1 : regex.size();
}

// The end of the quantifier at regex[i] (with its lazy '?'), or i if there is none.
// `optional`: the quantifier lets its operand match nothing (?, *, {0,n}, {0,}); {0}
// is not, as RE2 reads x{0} as the empty string, not as "anything".
std::size_t QuantifierEnd(std::string_view regex, std::size_t i, bool* optional) {
  std::size_t end = i;
  *optional = false;
  if (regex[i] == '?' || regex[i] == '*') {
    *optional = true;
    end = i + 1;
  } else if (regex[i] == '+') {
    end = i + 1;
  } else if (regex[i] == '{') {
    // {n}, {n,} or {n,m}; anything else is a literal '{'.
    std::size_t j = i + 1;
    while (j < regex.size() && IsDigit(regex[j])) ++j;
    if (j == i + 1) return i;
    bool min_zero = j == i + 2 && regex[i + 1] == '0';
    bool comma = j < regex.size() && regex[j] == ',';
    if (comma) {
      std::size_t k = ++j;
      while (j < regex.size() && IsDigit(regex[j])) ++j;
      bool max_zero = j > k && regex.substr(k, j - k).find_first_not_of('0') == kNone;
      *optional = min_zero && !max_zero;
    }
    if (j >= regex.size() || regex[j] != '}') return i;
    end = j + 1;
  } else {
    return i;
  }
  if (end < regex.size() && regex[end] == '?') ++end;
  return end;
}

}  // namespace

std::string PrefilterOutline(std::string_view regex) {
  std::string outline;
  outline.reserve(regex.size());
  std::vector<std::size_t> groups;  // where each open group starts in `outline`
  std::size_t operand = kNone;      // where the last operand starts in `outline`
  std::size_t i = 0;
  while (i < regex.size()) {
    bool optional = false;
    std::size_t end = QuantifierEnd(regex, i, &optional);
    if (end != i) {
      if (optional && operand != kNone) {
        outline.resize(operand);
        outline += "\\C*";
      } else {
        outline.append(regex, i, end - i);
      }
      operand = kNone;
      i = end;
      continue;
    }
    const std::size_t start = outline.size();
    const char c = regex[i];
    if (c == '(') {
      groups.push_back(start);
      outline += c;
      operand = kNone;
      ++i;
      continue;
    }
    if (c == ')') {
      operand = groups.empty() ? kNone : groups.back();
      if (!groups.empty()) groups.pop_back();
      outline += c;
      ++i;
      continue;
    }
    if (c == '\\' && i + 1 < regex.size() && regex[i + 1] == 'Q') {
      // A quantifier after \Q...\E takes its last character only: leave it as it is.
      std::size_t close = regex.find("\\E", i + 2);
      end = close == kNone ? regex.size() : close + 2;
      outline.append(regex, i, end - i);
      operand = kNone;
      i = end;
      continue;
    }
    if (c == '\\') {
      end = EscapeEnd(regex, i);
    } else if (c == '[') {
      end = ClassEnd(regex, i);
    } else {
      end = i + 1;
      // A UTF-8 lead byte and its continuation bytes are one character.
      if ((static_cast<unsigned char>(c) & 0xC0) == 0xC0) {
        while (end < regex.size() && (static_cast<unsigned char>(regex[end]) & 0xC0) == 0x80) ++end;
      }
    }
    outline.append(regex, i, end - i);
    operand = c == '|' || c == '^' || c == '$' ? kNone : start;
    i = end;
  }
  return outline;
}

}  // namespace actorgraph
