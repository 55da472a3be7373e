#include "export/gexf_writer.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "tests/export/export_graphs.h"

namespace actorgraph {
namespace {

std::vector<DateSpell> Spells(std::vector<std::string> dates) { return SpellsFromDates(dates); }

TEST(GexfWriter, DayPrecisionIsThatDay) {
  EXPECT_EQ(Spells({"2022-03-31"}), (std::vector<DateSpell>{{"2022-03-31", "2022-03-31"}}));
}

TEST(GexfWriter, MonthAndYearPrecisionCoverTheirWholePeriod) {
  EXPECT_EQ(Spells({"2024-02"}), (std::vector<DateSpell>{{"2024-02-01", "2024-02-29"}}));
  EXPECT_EQ(Spells({"2023-02"}), (std::vector<DateSpell>{{"2023-02-01", "2023-02-28"}}));
  EXPECT_EQ(Spells({"2023"}), (std::vector<DateSpell>{{"2023-01-01", "2023-12-31"}}));
}

TEST(GexfWriter, SpellsMergeSoTheyNeverOverlap) {
  // The day lies inside the month; the next day is adjacent; a year swallows both.
  EXPECT_EQ(Spells({"2022-03", "2022-03-05", "2022-04-01", "2022-06-10"}),
            (std::vector<DateSpell>{{"2022-03-01", "2022-04-01"}, {"2022-06-10", "2022-06-10"}}));
  EXPECT_EQ(Spells({"2022-03-05", "2022"}), (std::vector<DateSpell>{{"2022-01-01", "2022-12-31"}}));
}

TEST(GexfWriter, MalformedDatesAreSkipped) {
  EXPECT_TRUE(Spells({"", "2022-13", "2023-02-29", "20x2", "-202", "2022/03/01"}).empty());
}

TEST(GexfWriter, EdgesCarryTypeKindAndNoDefaultInAMixedGraph) {
  std::ostringstream out;
  WriteGexf(testing::SmallGraph(), out);
  std::string gexf = out.str();
  EXPECT_NE(gexf.find("<graph mode=\"dynamic\" timeformat=\"date\">"), std::string::npos);
  EXPECT_EQ(gexf.find("defaultedgetype"), std::string::npos);
  EXPECT_EQ(gexf.find("mutual"), std::string::npos);
  EXPECT_NE(gexf.find("type=\"undirected\" kind=\"met\""), std::string::npos);
  EXPECT_NE(gexf.find("type=\"undirected\" kind=\"not met\""), std::string::npos);
  EXPECT_NE(gexf.find("type=\"directed\" kind=\"criticized\""), std::string::npos);
  EXPECT_NE(gexf.find("<viz:size value=\""), std::string::npos);
  EXPECT_NE(gexf.find("<spell start=\"2023-01-01\" end=\"2023-12-31\"/>"), std::string::npos);
  EXPECT_TRUE(std::regex_search(gexf, std::regex(R"(<viz:color r="\d+" g="\d+" b="\d+"/>)")));
  EXPECT_FALSE(std::regex_search(gexf, std::regex(R"(<viz:color[^>]*\.)"))) << "integers only";
}

}  // namespace
}  // namespace actorgraph
