// Resolves the date words of a sentence against the article's date. News rarely writes
// full dates: "on Thursday", "on February 24", "on 1 April", "last week", "in December
// last year", "next month", "yesterday". The date of an event is the explicit date the
// sentence gives, resolved against the article date; else the article date.
#ifndef ACTORGRAPH_EXTRACT_DATE_RESOLVER_H_
#define ACTORGRAPH_EXTRACT_DATE_RESOLVER_H_

#include <optional>
#include <string>
#include <string_view>

namespace actorgraph {

// A calendar date; month or day may be 0 when the text only gives a year or a month.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1-12, or 0 when unknown
  int day = 0;    // 1-31, or 0 when unknown

  // "YYYY-MM-DD", "YYYY-MM" or "YYYY".
  std::string ToString() const;
  auto operator<=>(const CalendarDate&) const = default;
};

// Parses "YYYY-MM-DD", "YYYY-MM", "YYYY", and common spelled forms ("31 March 2022",
// "March 31, 2022", "2022/03/31"); nullopt if it is none of them or not a real date.
std::optional<CalendarDate> ParseDate(std::string_view text);

// The date the sentence's own words give, resolved against `article_date` (may be
// empty). Explicit dates without a year take the year that puts them nearest the
// article date ("on December 28" in an article of 2 January is the previous December).
// Weekdays resolve to the nearest such day before the article date unless the tense says
// future ("will", "next"). "last week" gives the article date minus 7 days; "next month",
// "last month", "last year", "in December last year" give month or year precision.
// Returns nullopt when the sentence has no date words or they cannot be resolved
// (a weekday with no article date).
std::optional<CalendarDate> ResolveSentenceDate(std::string_view sentence,
                                                std::string_view article_date);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_DATE_RESOLVER_H_
