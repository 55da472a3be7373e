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
// Also accepted: an ISO 8601 date-time ("2022-03-31T10:00:00Z" gives 2022-03-31), day-first
// numeric dates "31-3-2022" and "31.03.2022" (never month-first: "3-7-2024" is 3 July),
// abbreviated months ("Mar. 31, 2022", "Sept 5 2022"), ordinals ("March 31st, 2022"), a
// leading weekday ("Thu, 31 Mar 2022") and "March 2022" (month precision). Month names
// are matched in any case. Surrounding whitespace is ignored; anything else is not.
std::optional<CalendarDate> ParseDate(std::string_view text);

// The first complete date (year, month and day) written anywhere in `text`, in any form
// ParseDate accepts, or nullopt. Spelled months must start with a capital letter here
// ("may 5, 2022" is not found) so ordinary words are not taken for months. For datelines
// (" date 2022-03-31 ...", "3-7-2024 < RT ...") and for dates embedded in other text
// ("Thu, 31 Mar 2022 10:00:00 +0000").
std::optional<CalendarDate> FindFullDate(std::string_view text);

// The date the sentence's own words give, resolved against `article_date` (may be
// empty; anything ParseDate accepts). The first date expression in the sentence decides.
// Explicit dates without a year are the last such day on or before the article date
// (within nine months: "invaded Georgia on August 8" in an article of March is last
// August), or in a future clause the next one on or after it; failing both, the year
// that puts them nearest the article date. Weekdays
// ("on Thursday") resolve to the nearest such day on or before the article date unless
// the clause around them is in the future tense ("will", "is to", "is expected to"),
// then on or after it; "last Thursday"/"next Thursday" are strictly before/after. A
// month alone ("in April", "mid-September") is the nearest such month at or before the
// article's month, or at or after it in the future tense. "yesterday", "today",
// "tomorrow", "last week" (minus 7 days), "next week", "3 days ago" give day precision;
// "last month", "next month", "this month" month precision; "last year", "next year",
// "in 2019" year precision; "in December last year" month precision. "since 1990" and
// other "since" phrases are not the date of an event and are passed over; so are "the
// last month" and similar periods. Month and weekday names must start with a capital.
// Returns nullopt when the sentence has no date words or the first cannot be resolved
// (a weekday or "on 1 April" with no article date). Safe to call from several threads:
// each keeps its own token buffer and the last article date it parsed.
std::optional<CalendarDate> ResolveSentenceDate(std::string_view sentence,
                                                std::string_view article_date);

namespace date_resolver_internal {
// ResolveSentenceDate without its prefilters: tries to match a date expression at every
// token of the sentence. The same results, only slower; tests compare the two to show
// that the prefilters pass every word that can start an expression.
std::optional<CalendarDate> ResolveSentenceDateUnfiltered(std::string_view sentence,
                                                          std::string_view article_date);
}  // namespace date_resolver_internal

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_DATE_RESOLVER_H_
