// Dates are found by scanning tokens, not with regular expressions: the sentence is cut
// into words, numbers and single punctuation marks (remembering whether a space came
// before each), and small matchers try each position from left to right. The first
// position where one matches gives the sentence's date. Calendar arithmetic goes through
// a day count (days since 1970-01-01, Howard Hinnant's civil-date algorithms), so
// "yesterday" on 1 March of a leap year or "last week" across New Year need no cases.
#include "extract/date_resolver.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

// ---- Calendar ----------------------------------------------------------------------

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDay(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

std::int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400) + (m <= 2);
  return {y, m, d};
}

std::int64_t DaysOf(const CalendarDate& date) {
  return DaysFromCivil(date.year, date.month, date.day);
}

// 0 = Monday ... 6 = Sunday. Day 0 (1970-01-01) was a Thursday.
int WeekdayOf(std::int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

std::optional<CalendarDate> InRange(CalendarDate date) {
  if (date.year < 1 || date.year > 9999) return std::nullopt;
  return date;
}

// ---- Tokens ------------------------------------------------------------------------

// Up to 12 ASCII letters packed five bits each, case folded: equal keys are equal words
// in any case. 0 for longer words, which no list here holds. REQUIRES: `word` is letters.
constexpr std::size_t kMaxKeyLetters = 12;
constexpr std::uint64_t WordKey(std::string_view word) {
  if (word.size() > kMaxKeyLetters) return 0;
  std::uint64_t key = 0;
  for (char c : word) key = key << 5 | static_cast<std::uint64_t>((c | 0x20) - 'a' + 1);
  return key;
}

struct Token {
  enum class Kind { kWord, kNumber, kPunct };
  std::string_view text;
  Kind kind;
  bool space_before;
  std::uint64_t key;  // WordKey(text) of a word, else 0
};

enum ByteBits : std::uint8_t { kLetterBit = 1, kUpperBit = 2, kDigitBit = 4 };

constexpr std::array<std::uint8_t, 256> kByteBits = [] {
  std::array<std::uint8_t, 256> bits{};
  for (int c = 'a'; c <= 'z'; ++c) bits[c] = kLetterBit;
  for (int c = 'A'; c <= 'Z'; ++c) bits[c] = kLetterBit | kUpperBit;
  for (int c = '0'; c <= '9'; ++c) bits[c] = kDigitBit;
  return bits;
}();

std::uint8_t BitsOf(char c) { return kByteBits[static_cast<unsigned char>(c)]; }
bool IsAsciiLetter(char c) { return BitsOf(c) & kLetterBit; }
bool IsDigit(char c) { return BitsOf(c) & kDigitBit; }
// A letter's five bits in WordKey.
std::uint64_t LetterCode(char c) { return static_cast<std::uint64_t>((c | 0x20) - 'a' + 1); }

// Letters and digits form separate runs ("24th" is "24" "th"); any other byte is a token
// of its own, except that a UTF-8 sequence stays whole and NBSP counts as a space.
// Replaces the contents of *tokens, whose capacity is kept for the next sentence.
void Tokenize(std::string_view s, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  tokens.clear();
  bool space = true;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    Token::Kind kind = Token::Kind::kPunct;
    std::uint64_t key = 0;
    if (IsAsciiLetter(c)) {
      // WordKey, worked out on the way.
      kind = Token::Kind::kWord;
      key = LetterCode(c);
      while (j < s.size() && IsAsciiLetter(s[j])) key = key << 5 | LetterCode(s[j++]);
      if (j - i > kMaxKeyLetters) key = 0;
    } else if (IsDigit(c)) {
      kind = Token::Kind::kNumber;
      while (j < s.size() && IsDigit(s[j])) ++j;
    } else if (static_cast<unsigned char>(c) >= 0xC0) {
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
      if (s.substr(i, j - i) == "\xC2\xA0") {
        space = true;
        i = j;
        continue;
      }
    }
    tokens.push_back({s.substr(i, j - i), kind, space, key});
    space = false;
    i = j;
  }
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> tokens;
  Tokenize(s, &tokens);
  return tokens;
}

// A lower-case word that tokens are compared with, as its WordKey worked out at compile
// time ("the", not a string made at run time).
struct Keyword {
  consteval Keyword(const char* lower) : key(WordKey(lower)) {
    std::string_view word(lower);
    if (word.empty() || word.size() > kMaxKeyLetters) throw "a keyword has 1 to 12 letters";
    for (char c : word) {
      if (c < 'a' || c > 'z') throw "a keyword is lower-case ASCII letters";
    }
  }
  std::uint64_t key;
};

// Whether `t` is the word `w` in any case (other tokens have key 0, which no word has).
bool IsWordToken(const Token& t, Keyword w) { return t.key == w.key; }

// How month and weekday names may be written where they are looked for.
enum class NameCase {
  kAny,      // ParseDate: the whole string is a date, so "march" can only be the month
  kCapital,  // prose: "may" and "march" are ordinary words
};

struct Name {
  std::string_view full;
  std::string_view abbreviations[3];
};

constexpr std::array<Name, 12> kMonths = {{
    {"january", {"jan"}},
    {"february", {"feb"}},
    {"march", {"mar"}},
    {"april", {"apr"}},
    {"may", {}},
    {"june", {"jun"}},
    {"july", {"jul"}},
    {"august", {"aug"}},
    {"september", {"sep", "sept"}},
    {"october", {"oct"}},
    {"november", {"nov"}},
    {"december", {"dec"}},
}};

constexpr std::array<Name, 7> kWeekdays = {{
    {"monday", {"mon"}},
    {"tuesday", {"tue", "tues"}},
    {"wednesday", {"wed"}},
    {"thursday", {"thu", "thur", "thurs"}},
    {"friday", {"fri"}},
    {"saturday", {"sat"}},
    {"sunday", {"sun"}},
}};

// The WordKeys of names, for LookUpName; 0 for a missing abbreviation.
struct NameKeys {
  std::uint64_t full = 0;
  std::uint64_t abbreviations[3] = {};
};

template <std::size_t N>
constexpr std::array<NameKeys, N> KeysOf(const std::array<Name, N>& names) {
  std::array<NameKeys, N> keys;
  for (std::size_t i = 0; i < N; ++i) {
    keys[i].full = WordKey(names[i].full);
    for (std::size_t a = 0; a < 3; ++a) {
      keys[i].abbreviations[a] =
          names[i].abbreviations[a].empty() ? 0 : WordKey(names[i].abbreviations[a]);
    }
  }
  return keys;
}

constexpr std::array<NameKeys, 12> kMonthKeys = KeysOf(kMonths);
constexpr std::array<NameKeys, 7> kWeekdayKeys = KeysOf(kWeekdays);

// 1-based index of the name `token` spells, or 0. *abbreviated tells which form matched.
template <std::size_t N>
int LookUpName(const std::array<NameKeys, N>& names, const Token& token, NameCase name_case,
               bool* abbreviated) {
  // A word of more than kMaxKeyLetters letters has key 0, which no name has.
  if (token.kind != Token::Kind::kWord || token.key == 0) return 0;
  if (name_case == NameCase::kCapital && !(token.text[0] >= 'A' && token.text[0] <= 'Z')) {
    return 0;
  }
  for (std::size_t i = 0; i < N; ++i) {
    if (token.key == names[i].full) {
      *abbreviated = false;
      return static_cast<int>(i) + 1;
    }
    for (std::uint64_t abbreviation : names[i].abbreviations) {
      if (token.key == abbreviation) {
        *abbreviated = true;
        return static_cast<int>(i) + 1;
      }
    }
  }
  return 0;
}

int NumberValue(const Token& token) {
  if (token.kind != Token::Kind::kNumber || token.text.size() > 4) return -1;
  int value = 0;
  for (char c : token.text) value = value * 10 + (c - '0');
  return value;
}

// Reads the tokens of one expression; every accessor is safe past the end.
class Cursor {
 public:
  Cursor(const std::vector<Token>& tokens, std::size_t pos) : tokens_(&tokens), pos_(pos) {}

  std::size_t pos() const { return pos_; }
  bool AtEnd() const { return pos_ >= tokens_->size(); }
  const Token* Peek(std::size_t ahead = 0) const {
    return pos_ + ahead < tokens_->size() ? &(*tokens_)[pos_ + ahead] : nullptr;
  }
  void Advance(std::size_t n = 1) { pos_ += n; }

  // Consumes the punctuation mark `p` if it comes next (attached or not, as `attached` says).
  bool ConsumePunct(std::string_view p, bool must_be_attached = false) {
    const Token* t = Peek();
    if (t == nullptr || t->kind != Token::Kind::kPunct || t->text != p) return false;
    if (must_be_attached && t->space_before) return false;
    ++pos_;
    return true;
  }
  bool ConsumeWord(Keyword lower) {
    const Token* t = Peek();
    if (t == nullptr || !IsWordToken(*t, lower)) return false;
    ++pos_;
    return true;
  }
  bool NextIsWord(Keyword lower, std::size_t ahead = 0) const {
    const Token* t = Peek(ahead);
    return t != nullptr && IsWordToken(*t, lower);
  }
  // A number of `min_digits` to `max_digits` digits, consumed; else -1.
  int ConsumeNumber(std::size_t min_digits, std::size_t max_digits, bool must_be_attached) {
    const Token* t = Peek();
    if (t == nullptr || t->kind != Token::Kind::kNumber) return -1;
    if (t->text.size() < min_digits || t->text.size() > max_digits) return -1;
    if (must_be_attached && t->space_before) return -1;
    ++pos_;
    return NumberValue(*t);
  }
  // "st", "nd", "rd", "th" written onto a day number.
  void ConsumeOrdinalSuffix() {
    const Token* t = Peek();
    if (t != nullptr && !t->space_before &&
        (IsWordToken(*t, "st") || IsWordToken(*t, "nd") || IsWordToken(*t, "rd") ||
         IsWordToken(*t, "th"))) {
      ++pos_;
    }
  }
  int ConsumeMonthName(NameCase name_case) {
    const Token* t = Peek();
    bool abbreviated = false;
    int month = t == nullptr ? 0 : LookUpName(kMonthKeys, *t, name_case, &abbreviated);
    if (month == 0) return 0;
    ++pos_;
    if (abbreviated) ConsumePunct(".", true);
    return month;
  }
  int ConsumeWeekdayName(NameCase name_case, bool allow_abbreviation) {
    const Token* t = Peek();
    bool abbreviated = false;
    int weekday = t == nullptr ? 0 : LookUpName(kWeekdayKeys, *t, name_case, &abbreviated);
    if (weekday == 0 || (abbreviated && !allow_abbreviation)) return 0;
    ++pos_;
    if (abbreviated) ConsumePunct(".", true);
    return weekday;
  }

 private:
  const std::vector<Token>* tokens_;  // copyable, so a matcher can try ahead and commit
  std::size_t pos_;
};

// A date as written: year, month or day may be missing (0).
struct Written {
  int year = 0;
  int month = 0;
  int day = 0;
  std::size_t end = 0;  // token index after the expression
};

bool IsDaySeparator(const Token* t) {
  return t != nullptr && t->kind == Token::Kind::kPunct && !t->space_before &&
         (t->text == "-" || t->text == "." || t->text == "/");
}

// The rest of an ISO 8601 time written onto a date: "T10:00:00Z", "T10:00+02:00".
void ConsumeIsoTime(Cursor& c) {
  const Token* t = c.Peek();
  const Token* hour = c.Peek(1);
  if (t == nullptr || hour == nullptr || t->space_before || !EqualsIgnoringAsciiCase(t->text, "t") ||
      hour->kind != Token::Kind::kNumber || hour->space_before) {
    return;
  }
  c.Advance(2);
  while (const Token* next = c.Peek()) {
    if (next->space_before) break;
    bool time_char =
        next->kind == Token::Kind::kNumber ||
        (next->kind == Token::Kind::kPunct &&
         (next->text == ":" || next->text == "." || next->text == "+" || next->text == "-")) ||
        (next->kind == Token::Kind::kWord && EqualsIgnoringAsciiCase(next->text, "z"));
    if (!time_char) break;
    c.Advance();
  }
}

// The year that may follow a written day and month (", 2022" or " 2022"): sets w->year
// and moves c past it. False when that year makes the day impossible (February 29, 2023).
bool ConsumeYearAfter(Cursor* c, Written* w) {
  Cursor with_year = *c;
  with_year.ConsumePunct(",");
  int year = with_year.ConsumeNumber(4, 4, false);
  if (year < 1) return true;
  *c = with_year;
  w->year = year;
  return w->day == 0 || IsValidDay(year, w->month, w->day);
}

// An explicit date starting at tokens[pos]: numeric forms, "31 March 2022",
// "March 31, 2022", "March 2022", and the year-less "31 March" / "March 31". A bare
// "2022" is only taken when `allow_bare_year`.
std::optional<Written> MatchWrittenDate(const std::vector<Token>& tokens, std::size_t pos,
                                        NameCase name_case, bool allow_bare_year) {
  Cursor c(tokens, pos);
  const Token* first = c.Peek();
  if (first == nullptr) return std::nullopt;
  // A number glued to what comes before ("12-2022-03-31", "v2.2022") is not a date.
  if (first->kind == Token::Kind::kNumber && pos > 0 && !first->space_before &&
      tokens[pos - 1].kind != Token::Kind::kPunct) {
    return std::nullopt;
  }
  if (first->kind == Token::Kind::kNumber && pos > 0 && !first->space_before &&
      IsDaySeparator(&tokens[pos - 1])) {
    return std::nullopt;
  }

  Written w;
  if (first->kind == Token::Kind::kNumber && first->text.size() == 4) {
    // YYYY, YYYY-MM, YYYY-MM-DD (also with '/'), optionally with an ISO time.
    w.year = NumberValue(*first);
    c.Advance();
    const Token* sep = c.Peek();
    if (sep != nullptr && sep->kind == Token::Kind::kPunct && !sep->space_before &&
        (sep->text == "-" || sep->text == "/")) {
      Cursor after_month = c;
      after_month.Advance();
      int month = after_month.ConsumeNumber(1, 2, true);
      if (month >= 1 && month <= 12) {
        c = after_month;
        w.month = month;
        Cursor after_day = c;
        if (after_day.ConsumePunct(sep->text, true)) {
          int day = after_day.ConsumeNumber(1, 2, true);
          if (day >= 1) {
            if (!IsValidDay(w.year, w.month, day)) return std::nullopt;
            c = after_day;
            w.day = day;
            ConsumeIsoTime(c);
          }
        }
      }
    }
    if (w.month == 0 && !allow_bare_year) return std::nullopt;
    if (w.year < 1) return std::nullopt;
    w.end = c.pos();
    return w;
  }

  if (first->kind == Token::Kind::kNumber && first->text.size() <= 2) {
    int day = NumberValue(*first);
    c.Advance();
    // D-M-YYYY and D.M.YYYY: day first, always.
    const Token* sep = c.Peek();
    if (IsDaySeparator(sep) && sep->text != "/") {
      Cursor numeric = c;
      numeric.Advance();
      int month = numeric.ConsumeNumber(1, 2, true);
      if (month >= 1 && numeric.ConsumePunct(sep->text, true)) {
        int year = numeric.ConsumeNumber(4, 4, true);
        if (year >= 1 && IsValidDay(year, month, day)) {
          // Not part of a longer run such as a version or phone number.
          if (!IsDaySeparator(numeric.Peek())) return Written{year, month, day, numeric.pos()};
        }
      }
      return std::nullopt;
    }
    // "31 March 2022", "31st of March", "31 Mar. 2022", "31 March, 2022".
    if (day < 1 || day > 31) return std::nullopt;
    c.ConsumeOrdinalSuffix();
    Cursor named = c;
    named.ConsumeWord("of");
    int month = named.ConsumeMonthName(name_case);
    if (month == 0) return std::nullopt;
    c = named;
    w.month = month;
    w.day = day;
    if (!ConsumeYearAfter(&c, &w)) return std::nullopt;
    if (w.year == 0 && day > DaysInMonth(2000, month)) {  // 2000 was leap: February 29 may stand
      return std::nullopt;
    }
    w.end = c.pos();
    return w;
  }

  // "March 31, 2022", "Mar. 31 2022", "March 31st", "March 2022".
  int month = c.ConsumeMonthName(name_case);
  if (month == 0) return std::nullopt;
  w.month = month;
  Cursor with_day = c;
  int day = with_day.ConsumeNumber(1, 2, false);
  if (day >= 1 && day <= DaysInMonth(2000, month)) {
    // Not a time ("May 5:30") or a decimal.
    const Token* after = with_day.Peek();
    bool glued = after != nullptr && !after->space_before && after->kind == Token::Kind::kPunct &&
                 (after->text == ":" || after->text == "." || after->text == "-") &&
                 with_day.Peek(1) != nullptr && with_day.Peek(1)->kind == Token::Kind::kNumber;
    if (!glued) {
      with_day.ConsumeOrdinalSuffix();
      c = with_day;
      w.day = day;
    }
  }
  if (!ConsumeYearAfter(&c, &w)) return std::nullopt;
  if (w.day == 0 && w.year == 0) return std::nullopt;  // a month alone is not written date
  w.end = c.pos();
  return w;
}

// ---- Resolution against the article date -------------------------------------------

// What a date expression says before the article date is applied.
struct Expression {
  enum class Kind {
    kWritten,  // month/day/year as written; year may be missing
    kMonth,    // a month with no year: "in April", "mid-September", "last April"
    kWeekday,  // "on Thursday", "last Thursday"
    kDays,     // article date + offset days: "yesterday", "last week"
    kMonths,   // article month + offset: "next month"
    kYears,    // article year + offset: "last year"
  };
  enum class Direction { kNearest, kBefore, kAfter };

  Kind kind = Kind::kWritten;
  Written written;
  int weekday = 0;  // 1 = Monday
  int offset = 0;
  bool year_offset_given = false;  // "... last year" after a month or day: offset applies
  Direction direction = Direction::kNearest;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// "last year", "this year", "next year" right after a month or day: the year offset.
bool ConsumeRelativeYear(Cursor& c, int* offset) {
  if (!c.NextIsWord("year", 1)) return false;
  if (c.NextIsWord("last")) {
    *offset = -1;
  } else if (c.NextIsWord("this")) {
    *offset = 0;
  } else if (c.NextIsWord("next")) {
    *offset = 1;
  } else {
    return false;
  }
  c.Advance(2);
  return true;
}

int SmallNumber(const Token& t) {
  static constexpr std::array<Keyword, 13> kWords = {"zero", "one",    "two",   "three", "four",
                                                     "five", "six",    "seven", "eight", "nine",
                                                     "ten",  "eleven", "twelve"};
  if (t.kind == Token::Kind::kNumber) return t.text.size() <= 3 ? NumberValue(t) : -1;
  if (IsWordToken(t, "a") || IsWordToken(t, "an")) return 1;
  for (std::size_t i = 0; i < kWords.size(); ++i) {
    if (IsWordToken(t, kWords[i])) return static_cast<int>(i);
  }
  return -1;
}

// Words after which a bare month name is a date: "in April", "mid-September".
bool IntroducesMonth(const Token& t) {
  static constexpr std::array<Keyword, 7> kWords = {"in",   "during", "early", "mid",
                                                    "late", "since",  "of"};
  for (Keyword w : kWords) {
    if (IsWordToken(t, w)) return true;
  }
  return false;
}

bool IsEarlyMidLate(const Token& t) {
  return IsWordToken(t, "early") || IsWordToken(t, "mid") || IsWordToken(t, "late");
}

std::optional<Expression> MatchExpressionAt(const std::vector<Token>& tokens, std::size_t pos) {
  const Token& t = tokens[pos];
  Expression e;
  e.begin = pos;
  Cursor c(tokens, pos);
  auto done = [&](Expression::Kind kind, int offset = 0) {
    e.kind = kind;
    e.offset = offset;
    e.end = c.pos();
    return e;
  };

  // "two weeks ago", "3 days ago", "a year ago".
  if (int n = SmallNumber(t); n >= 0) {
    Cursor ago = c;
    ago.Advance();
    const Token* unit = ago.Peek();
    if (unit != nullptr && unit->kind == Token::Kind::kWord && ago.NextIsWord("ago", 1)) {
      std::string_view u = unit->text;
      auto unit_is = [&](std::string_view lower) {
        return EqualsIgnoringAsciiCase(u, lower) ||
               (u.size() == lower.size() + 1 && EqualsIgnoringAsciiCase(u.substr(0, lower.size()), lower) &&
                AsciiLower(u.back()) == 's');
      };
      c = Cursor(tokens, ago.pos() + 2);
      if (unit_is("day")) return done(Expression::Kind::kDays, -n);
      if (unit_is("week")) return done(Expression::Kind::kDays, -7 * n);
      if (unit_is("month")) return done(Expression::Kind::kMonths, -n);
      if (unit_is("year")) return done(Expression::Kind::kYears, -n);
      c = Cursor(tokens, pos);
    }
  }

  if (t.kind == Token::Kind::kWord) {
    bool after_the = pos > 0 && IsWordToken(tokens[pos - 1], "the");
    if (IsWordToken(t, "yesterday")) return c.Advance(), done(Expression::Kind::kDays, -1);
    if (IsWordToken(t, "today") || IsWordToken(t, "tonight")) {
      return c.Advance(), done(Expression::Kind::kDays, 0);
    }
    if (IsWordToken(t, "tomorrow")) return c.Advance(), done(Expression::Kind::kDays, 1);

    // "last week", "next month", "this year", "last Thursday", "next April".
    int sign = IsWordToken(t, "last") ? -1 : IsWordToken(t, "next") ? 1 : 0;
    bool is_this = IsWordToken(t, "this");
    if ((sign != 0 || is_this) && !after_the) {
      c.Advance();
      const Token* unit = c.Peek();
      if (unit == nullptr) return std::nullopt;
      if (IsWordToken(*unit, "week") && sign != 0) {
        return c.Advance(), done(Expression::Kind::kDays, 7 * sign);
      }
      if (IsWordToken(*unit, "night") && sign == -1) {
        return c.Advance(), done(Expression::Kind::kDays, -1);
      }
      if (is_this && (IsWordToken(*unit, "morning") || IsWordToken(*unit, "afternoon") ||
                      IsWordToken(*unit, "evening"))) {
        return c.Advance(), done(Expression::Kind::kDays, 0);
      }
      if (IsWordToken(*unit, "month")) return c.Advance(), done(Expression::Kind::kMonths, sign);
      if (IsWordToken(*unit, "year")) return c.Advance(), done(Expression::Kind::kYears, sign);
      e.direction = sign < 0   ? Expression::Direction::kBefore
                    : sign > 0 ? Expression::Direction::kAfter
                               : Expression::Direction::kNearest;
      if (int weekday = c.ConsumeWeekdayName(NameCase::kCapital, false)) {
        e.weekday = weekday;
        return done(Expression::Kind::kWeekday);
      }
      if (int month = c.ConsumeMonthName(NameCase::kCapital)) {
        e.written.month = month;
        return done(Expression::Kind::kMonth);
      }
      return std::nullopt;
    }

    // "in 2019", "in early 2019", "mid-2019", "in mid-September".
    if (IsWordToken(t, "in") || IsWordToken(t, "during") || IsEarlyMidLate(t)) {
      Cursor year = c;
      year.Advance();
      if (IsEarlyMidLate(t) || (year.Peek() != nullptr && IsEarlyMidLate(*year.Peek()))) {
        if (!IsEarlyMidLate(t)) year.Advance();
        year.ConsumePunct("-", true);
      }
      const Token* number = year.Peek();
      int value = year.ConsumeNumber(4, 4, false);
      if (value >= 1000 && value <= 2999 && number != nullptr) {
        // Not "2019%", "2019.5" or "2019-20"; a full stop may follow.
        const Token* after = year.Peek();
        const Token* after_next = year.Peek(1);
        bool number_follows = after_next != nullptr && !after_next->space_before &&
                              after_next->kind == Token::Kind::kNumber;
        bool glued = after != nullptr && !after->space_before &&
                     (after->kind == Token::Kind::kNumber || after->text == "%" ||
                      ((after->text == "-" || after->text == ".") && number_follows));
        if (!glued) {
          e.written.year = value;
          c = year;
          return done(Expression::Kind::kWritten);
        }
      }
    }

    // A weekday: "on Thursday", "Thursday night", and "Thursday, March 31, 2022" where
    // the written date is taken instead.
    if (int weekday = c.ConsumeWeekdayName(NameCase::kCapital, false)) {
      Cursor written = c;
      written.ConsumePunct(",");
      if (auto w = MatchWrittenDate(tokens, written.pos(), NameCase::kCapital, false)) {
        e.written = *w;
        c = Cursor(tokens, w->end);
        return done(Expression::Kind::kWritten);
      }
      e.weekday = weekday;
      return done(Expression::Kind::kWeekday);
    }
  }

  // Written dates, with or without the year.
  if (auto w = MatchWrittenDate(tokens, pos, NameCase::kCapital, false)) {
    e.written = *w;
    c = Cursor(tokens, w->end);
    if (w->year == 0) {
      int offset = 0;
      if (ConsumeRelativeYear(c, &offset)) {
        e.offset = offset;
        e.year_offset_given = true;
      }
    }
    return done(Expression::Kind::kWritten, e.offset);
  }

  // A month alone after "in", "during", "mid-", "early", ...
  bool abbreviated = false;
  if (pos > 0 && LookUpName(kMonthKeys, t, NameCase::kCapital, &abbreviated) != 0 && !abbreviated) {
    std::size_t before = pos - 1;
    if (tokens[before].text == "-" && !t.space_before && before > 0) --before;
    if (IntroducesMonth(tokens[before])) {
      e.written.month = c.ConsumeMonthName(NameCase::kCapital);
      int offset = 0;
      if (ConsumeRelativeYear(c, &offset)) {
        e.offset = offset;
        e.year_offset_given = true;
      }
      return done(Expression::Kind::kMonth, e.offset);
    }
  }
  return std::nullopt;
}

// ---- Prefilter ----------------------------------------------------------------------

// Most sentences hold no date expression, and MatchExpressionAt at every token costs
// dozens of word comparisons each. What can start an expression follows from its code:
//   - a number (a day, a year, "3 days ago");
//   - "a", "an", "zero" ... "twelve", two words before "ago" ("two weeks ago");
//   - "yesterday", "today", "tonight", "tomorrow", "last", "next", "this";
//   - "in", "during", "early", "mid", "late" before a four-digit year;
//   - a capitalised full weekday name ("on Thursday", "Thursday, March 3, 2022");
//   - a capitalised month name or abbreviation: a written date ("March 31", "Mar. 31"),
//     which always holds a number, or a full name after "in", "mid-" ... ("in April").
// "last", "next" and "this" match only before "week", "night", "morning", "afternoon",
// "evening", "month", "year", a capitalised full weekday name or a capitalised month
// name or abbreviation. So a sentence with no digit, no "ago", none of those words and
// none of "yesterday", "today", "tonight", "tomorrow" has no date (MayHoldDate), and
// within a sentence only the tokens MayStartExpression passes need be tried. Tests
// compare the filtered search with the one that tries every token.

enum class Starter {
  kNo,
  kYes,            // any case
  kCapital,        // when capitalised
  kCapitalDigits,  // when capitalised and the sentence has a number
  kDigits,         // when the sentence has a number
  kBeforeAgo,      // when "ago" is the word after next
};

// What MatchExpressionAt needs for a match to start at the word `key` (see above).
Starter StarterOf(std::uint64_t key) {
  switch (key) {
    case WordKey("yesterday"):
    case WordKey("today"):
    case WordKey("tonight"):
    case WordKey("tomorrow"):
    case WordKey("last"):
    case WordKey("next"):
    case WordKey("this"):
      return Starter::kYes;
    case WordKey("in"):
    case WordKey("during"):
    case WordKey("early"):
    case WordKey("mid"):
    case WordKey("late"):
      return Starter::kDigits;
    case WordKey("a"):
    case WordKey("an"):
    case WordKey("zero"):
    case WordKey("one"):
    case WordKey("two"):
    case WordKey("three"):
    case WordKey("four"):
    case WordKey("five"):
    case WordKey("six"):
    case WordKey("seven"):
    case WordKey("eight"):
    case WordKey("nine"):
    case WordKey("ten"):
    case WordKey("eleven"):
    case WordKey("twelve"):
      return Starter::kBeforeAgo;
    case WordKey("january"):
    case WordKey("february"):
    case WordKey("march"):
    case WordKey("april"):
    case WordKey("may"):
    case WordKey("june"):
    case WordKey("july"):
    case WordKey("august"):
    case WordKey("september"):
    case WordKey("october"):
    case WordKey("november"):
    case WordKey("december"):
    case WordKey("monday"):
    case WordKey("tuesday"):
    case WordKey("wednesday"):
    case WordKey("thursday"):
    case WordKey("friday"):
    case WordKey("saturday"):
    case WordKey("sunday"):
      return Starter::kCapital;
    case WordKey("jan"):
    case WordKey("feb"):
    case WordKey("mar"):
    case WordKey("apr"):
    case WordKey("jun"):
    case WordKey("jul"):
    case WordKey("aug"):
    case WordKey("sep"):
    case WordKey("sept"):
    case WordKey("oct"):
    case WordKey("nov"):
    case WordKey("dec"):
      return Starter::kCapitalDigits;
    default:
      return Starter::kNo;
  }
}

bool MayStartExpression(const std::vector<Token>& tokens, std::size_t i, bool has_digits) {
  const Token& t = tokens[i];
  if (t.kind == Token::Kind::kNumber) return true;
  if (t.kind != Token::Kind::kWord) return false;
  switch (StarterOf(t.key)) {
    case Starter::kNo:
      return false;
    case Starter::kYes:
      return true;
    case Starter::kCapital:
      return t.text[0] >= 'A' && t.text[0] <= 'Z';
    case Starter::kCapitalDigits:
      return has_digits && t.text[0] >= 'A' && t.text[0] <= 'Z';
    case Starter::kDigits:
      return has_digits;
    case Starter::kBeforeAgo:
      return i + 2 < tokens.size() && IsWordToken(tokens[i + 2], "ago");
  }
  return true;
}

// The words that let a sentence hold a date expression even when it has no digit (see
// above), in any case and when capitalised. All have 3 to 9 letters.
constexpr std::string_view kDateWords[] = {"ago",       "yesterday", "today", "tonight",
                                           "tomorrow",  "week",      "night", "morning",
                                           "afternoon", "evening",   "month", "year"};
constexpr std::string_view kCapitalDateWords[] = {
    "january",   "february", "march",     "april",    "may",    "june",     "july",  "august",
    "september", "october",  "november",  "december", "jan",    "feb",      "mar",   "apr",
    "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",   "dec",
    "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::size_t kMinDateWord = 3;
constexpr std::size_t kMaxDateWord = 9;

// For a quick first test of a word: bit (letter - 'a') of first[length] is set when a
// listed word has that length and first letter, and likewise for the second letter.
struct LeadingLetters {
  std::array<std::uint32_t, kMaxDateWord + 1> first{};
  std::array<std::uint32_t, kMaxDateWord + 1> second{};

  bool MayList(std::string_view word) const {
    return (first[word.size()] >> ((word[0] | 0x20) - 'a') & 1) &&
           (second[word.size()] >> ((word[1] | 0x20) - 'a') & 1);
  }
};

template <std::size_t N>
constexpr LeadingLetters LeadingLettersOf(const std::string_view (&words)[N]) {
  LeadingLetters letters;
  for (std::string_view w : words) {
    letters.first[w.size()] |= std::uint32_t{1} << (w[0] - 'a');
    letters.second[w.size()] |= std::uint32_t{1} << (w[1] - 'a');
  }
  return letters;
}

constexpr LeadingLetters kDateWordLetters = LeadingLettersOf(kDateWords);
constexpr LeadingLetters kCapitalDateWordLetters = LeadingLettersOf(kCapitalDateWords);

template <std::size_t N>
constexpr std::array<std::uint64_t, N> WordKeysOf(const std::string_view (&words)[N]) {
  std::array<std::uint64_t, N> keys{};
  for (std::size_t i = 0; i < N; ++i) keys[i] = WordKey(words[i]);
  return keys;
}

constexpr auto kDateWordKeys = WordKeysOf(kDateWords);
constexpr auto kCapitalDateWordKeys = WordKeysOf(kCapitalDateWords);

template <std::size_t N>
bool IsListed(std::string_view word, const std::array<std::uint64_t, N>& keys) {
  std::uint64_t key = WordKey(word);
  for (std::uint64_t k : keys) {
    if (key == k) return true;
  }
  return false;
}

// False when no date expression can match in `sentence`: it has no digit and none of the
// words listed above. Reads the bytes as Tokenize does (words are runs of ASCII letters),
// storing nothing.
bool MayHoldDate(std::string_view sentence) {
  std::size_t i = 0;
  const std::size_t n = sentence.size();
  while (i < n) {
    const std::uint8_t first = BitsOf(sentence[i]);
    if (first & kDigitBit) return true;
    if (!(first & kLetterBit)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && IsAsciiLetter(sentence[j])) ++j;
    const std::size_t length = j - i;
    if (length >= kMinDateWord && length <= kMaxDateWord) {
      std::string_view word = sentence.substr(i, length);
      if (kDateWordLetters.MayList(word) && IsListed(word, kDateWordKeys)) return true;
      if ((first & kUpperBit) && kCapitalDateWordLetters.MayList(word) &&
          IsListed(word, kCapitalDateWordKeys)) {
        return true;
      }
    }
    i = j;
  }
  return false;
}

// "since 1990", "since March", "since early 2020": the start of a period, not an event.
bool FollowsSince(const std::vector<Token>& tokens, std::size_t begin) {
  std::size_t i = begin;
  while (i > 0) {
    const Token& prev = tokens[i - 1];
    if (IsWordToken(prev, "since")) return true;
    if (IsEarlyMidLate(prev) || IsWordToken(prev, "in") || prev.text == "-") {
      --i;
      continue;
    }
    return false;
  }
  return false;
}

// Where a clause ends for the tense test: punctuation that separates clauses, and the
// words that start a new one ("..., officials said", "said on Thursday that Lavrov will").
bool IsClauseBoundary(const Token& t) {
  if (t.kind == Token::Kind::kPunct) {
    return t.text == "," || t.text == ";" || t.text == ":" || t.text == "(" || t.text == ")" ||
           t.text == "\xE2\x80\x94" /* em dash */ || t.text == "\"";
  }
  if (t.kind != Token::Kind::kWord) return false;
  switch (t.key) {
    case WordKey("that"):
    case WordKey("and"):
    case WordKey("but"):
    case WordKey("while"):
    case WordKey("whereas"):
    case WordKey("said"):
    case WordKey("says"):
    case WordKey("say"):
    case WordKey("told"):
    case WordKey("tells"):
    case WordKey("added"):
    case WordKey("announced"):
    case WordKey("according"):
    case WordKey("although"):
      return true;
    default:
      return false;
  }
}

bool IsBeVerb(const Token& t) {
  return IsWordToken(t, "is") || IsWordToken(t, "are") || IsWordToken(t, "am") ||
         IsWordToken(t, "was") || IsWordToken(t, "were") || IsWordToken(t, "be");
}

bool MarksFuture(const std::vector<Token>& tokens, std::size_t i) {
  const Token& t = tokens[i];
  if (t.kind != Token::Kind::kWord) return false;
  const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
  const Token* prev = i > 0 ? &tokens[i - 1] : nullptr;
  bool next_is_to = next != nullptr && IsWordToken(*next, "to");
  if (IsWordToken(t, "will") || IsWordToken(t, "shall") || IsWordToken(t, "upcoming") ||
      IsWordToken(t, "next") || IsWordToken(t, "coming")) {
    return true;
  }
  // "'ll" and "won't".
  if (IsWordToken(t, "ll") && prev != nullptr && prev->kind == Token::Kind::kPunct) return true;
  if (IsWordToken(t, "won") && next != nullptr && next->kind == Token::Kind::kPunct &&
      i + 2 < tokens.size() && IsWordToken(tokens[i + 2], "t")) {
    return true;
  }
  // "is to visit", "is due to", "is expected to", "is scheduled to", "is set to".
  if (next_is_to &&
      (IsBeVerb(t) || IsWordToken(t, "due") || IsWordToken(t, "expected") ||
       IsWordToken(t, "scheduled") || IsWordToken(t, "set") || IsWordToken(t, "plans") ||
       IsWordToken(t, "plan") || IsWordToken(t, "going") || IsWordToken(t, "intends"))) {
    return true;
  }
  return false;
}

// Whether the clause holding tokens [begin, end) speaks of the future. The clause runs
// from the previous boundary to the next; when the expression opens its clause and a
// comma follows ("On Monday, Modi will travel"), the clause after the comma counts too.
bool ClauseIsFuture(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
  std::size_t first = begin;
  while (first > 0 && !IsClauseBoundary(tokens[first - 1])) --first;
  bool opens_clause = true;
  for (std::size_t i = first; i < begin; ++i) {
    const Token& t = tokens[i];
    if (!(IsWordToken(t, "on") || IsWordToken(t, "in") || IsWordToken(t, "by") ||
          IsWordToken(t, "during") || IsWordToken(t, "the") || IsWordToken(t, "this") ||
          IsWordToken(t, "next") || IsWordToken(t, "last") || IsEarlyMidLate(t) || t.text == "-")) {
      opens_clause = false;
    }
  }
  std::size_t last = end;
  while (last < tokens.size() && !IsClauseBoundary(tokens[last])) ++last;
  if (opens_clause && last < tokens.size() && tokens[last].text == ",") {
    ++last;
    while (last < tokens.size() && !IsClauseBoundary(tokens[last])) ++last;
  }
  for (std::size_t i = first; i < last; ++i) {
    if (i >= begin && i < end) continue;
    if (MarksFuture(tokens, i)) return true;
  }
  return false;
}

std::optional<CalendarDate> ResolveMonth(int month, Expression::Direction direction,
                                         const CalendarDate& anchor) {
  if (anchor.year == 0) return std::nullopt;
  if (anchor.month == 0) return CalendarDate{anchor.year, month, 0};
  int year = anchor.year;
  switch (direction) {
    case Expression::Direction::kBefore:
      if (month >= anchor.month) --year;
      break;
    case Expression::Direction::kAfter:
      if (month <= anchor.month) ++year;
      break;
    case Expression::Direction::kNearest:
      break;
  }
  return InRange({year, month, 0});
}

std::optional<CalendarDate> Resolve(const Expression& e, const std::vector<Token>& tokens,
                                    const std::optional<CalendarDate>& anchor_or_none) {
  CalendarDate anchor = anchor_or_none.value_or(CalendarDate{});
  bool full_anchor = anchor.day != 0;
  switch (e.kind) {
    case Expression::Kind::kWritten: {
      const Written& w = e.written;
      if (w.year != 0) return CalendarDate{w.year, w.month, w.day};
      if (anchor.year == 0) return std::nullopt;
      if (e.year_offset_given) {
        int year = anchor.year + e.offset;
        if (!IsValidDay(year, w.month, w.day)) return std::nullopt;
        return CalendarDate{year, w.month, w.day};
      }
      // News reports what happened and announces what will: in a future clause the day
      // is the next one on or after the article date; otherwise the last one on or before
      // it, when that is within nine months; failing both, the year that puts the day
      // nearest the article date. (February 29 may need to look a few years away.)
      std::int64_t target = DaysFromCivil(anchor.year, anchor.month == 0 ? 7 : anchor.month,
                                          anchor.day == 0 ? 1 : anchor.day);
      bool future = ClauseIsFuture(tokens, e.begin, e.end);
      std::optional<CalendarDate> best, before, after;
      std::int64_t best_distance = 0;
      for (int year = anchor.year - 4; year <= anchor.year + 4; ++year) {
        if (!IsValidDay(year, w.month, w.day)) continue;
        std::int64_t days = DaysFromCivil(year, w.month, w.day);
        std::int64_t distance = std::llabs(days - target);
        if (!best || distance < best_distance) {
          best = CalendarDate{year, w.month, w.day};
          best_distance = distance;
        }
        if (days <= target && target - days <= 270) before = CalendarDate{year, w.month, w.day};
        if (days >= target && !after) after = CalendarDate{year, w.month, w.day};
      }
      if (future && after) return after;
      if (!future && before) return before;
      return best;
    }
    case Expression::Kind::kMonth: {
      if (anchor.year == 0) return std::nullopt;
      if (e.year_offset_given) return InRange({anchor.year + e.offset, e.written.month, 0});
      Expression::Direction direction = e.direction;
      if (direction == Expression::Direction::kNearest && anchor.month != 0 &&
          !(tokens[e.begin].kind == Token::Kind::kWord && IsWordToken(tokens[e.begin], "this"))) {
        bool future = ClauseIsFuture(tokens, e.begin, e.end);
        // At or before the article's month, or at or after it in the future tense.
        if (future) {
          return InRange({e.written.month >= anchor.month ? anchor.year : anchor.year + 1,
                          e.written.month, 0});
        }
        return InRange(
            {e.written.month <= anchor.month ? anchor.year : anchor.year - 1, e.written.month, 0});
      }
      return ResolveMonth(e.written.month, direction, anchor);
    }
    case Expression::Kind::kWeekday: {
      if (!full_anchor) return std::nullopt;
      std::int64_t days = DaysOf(anchor);
      int delta_back = (WeekdayOf(days) - (e.weekday - 1) + 7) % 7;  // to the one on or before
      switch (e.direction) {
        case Expression::Direction::kBefore:
          days -= delta_back == 0 ? 7 : delta_back;
          break;
        case Expression::Direction::kAfter:
          days += delta_back == 0 ? 7 : 7 - delta_back;
          break;
        case Expression::Direction::kNearest:
          if (ClauseIsFuture(tokens, e.begin, e.end)) {
            days += delta_back == 0 ? 0 : 7 - delta_back;
          } else {
            days -= delta_back;
          }
          break;
      }
      return InRange(CivilFromDays(days));
    }
    case Expression::Kind::kDays:
      if (!full_anchor) return std::nullopt;
      return InRange(CivilFromDays(DaysOf(anchor) + e.offset));
    case Expression::Kind::kMonths: {
      if (anchor.year == 0 || anchor.month == 0) return std::nullopt;
      int index = anchor.year * 12 + (anchor.month - 1) + e.offset;
      return InRange({index / 12, index % 12 + 1, 0});
    }
    case Expression::Kind::kYears:
      if (anchor.year == 0) return std::nullopt;
      return InRange({anchor.year + e.offset, 0, 0});
  }
  return std::nullopt;
}

std::optional<CalendarDate> ArticleAnchor(std::string_view article_date);

}  // namespace

std::string CalendarDate::ToString() const {
  // Written by hand for the dates of real articles (every relation's date is one), with
  // snprintf for the rest.
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 12 && day >= 0 && day <= 31) {
    char digits[10] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'};
    auto put = [&](std::size_t at, int n, int width) {
      for (int i = width - 1; i >= 0; --i, n /= 10) digits[at + i] = static_cast<char>('0' + n % 10);
    };
    put(0, year, 4);
    put(5, month, 2);
    put(8, day, 2);
    return std::string(digits, month == 0 ? 4 : day == 0 ? 7 : 10);
  }
  char buffer[32];
  if (month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

std::optional<CalendarDate> ParseDate(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  Cursor c(tokens, 0);
  // "Thu, 31 Mar 2022", "Thursday, March 31, 2022".
  if (c.ConsumeWeekdayName(NameCase::kAny, true) != 0) c.ConsumePunct(",");
  auto w = MatchWrittenDate(tokens, c.pos(), NameCase::kAny, /*allow_bare_year=*/true);
  if (!w || w->end != tokens.size() || w->year == 0) return std::nullopt;
  return CalendarDate{w->year, w->month, w->day};
}

std::optional<CalendarDate> FindFullDate(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto w = MatchWrittenDate(tokens, i, NameCase::kCapital, false);
    if (w && w->year != 0 && w->month != 0 && w->day != 0) {
      return CalendarDate{w->year, w->month, w->day};
    }
  }
  return std::nullopt;
}

namespace {

// The article date as ParseDate reads it. An article's sentences come one after another
// with the same date, so the last one read on this thread is kept.
std::optional<CalendarDate> ArticleAnchor(std::string_view article_date) {
  thread_local std::string text;
  thread_local std::optional<CalendarDate> date;
  thread_local bool parsed = false;
  if (!parsed || text != article_date) {
    text.assign(article_date);
    date = ParseDate(article_date);
    parsed = true;
  }
  return date;
}

// The first date expression in `tokens`, resolved against `article_date`. With
// `filtered`, MatchExpressionAt is only tried where MayStartExpression allows.
std::optional<CalendarDate> FirstDate(const std::vector<Token>& tokens,
                                      std::string_view article_date, bool filtered) {
  bool has_digits = false;
  if (filtered) {
    for (const Token& t : tokens) has_digits |= t.kind == Token::Kind::kNumber;
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (filtered && !MayStartExpression(tokens, i, has_digits)) continue;
    std::optional<Expression> e = MatchExpressionAt(tokens, i);
    if (!e) continue;
    if (FollowsSince(tokens, e->begin)) {
      i = e->end - 1;
      continue;
    }
    return Resolve(*e, tokens, ArticleAnchor(article_date));
  }
  return std::nullopt;
}

}  // namespace

std::optional<CalendarDate> ResolveSentenceDate(std::string_view sentence,
                                                std::string_view article_date) {
  if (!MayHoldDate(sentence)) return std::nullopt;
  thread_local std::vector<Token> tokens;
  Tokenize(sentence, &tokens);
  return FirstDate(tokens, article_date, /*filtered=*/true);
}

namespace date_resolver_internal {

std::optional<CalendarDate> ResolveSentenceDateUnfiltered(std::string_view sentence,
                                                          std::string_view article_date) {
  return FirstDate(Tokenize(sentence), article_date, /*filtered=*/false);
}

}  // namespace date_resolver_internal
}  // namespace actorgraph
