#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/error.h"
#include "extract/rule_source.h"

namespace actorgraph {
namespace {

RuleSource User(const std::string& path, const std::string& text) { return {path, text, false}; }
RuleSource Builtin(const std::string& path, const std::string& text) { return {path, text, true}; }

// The message Lexicon::Load throws for `sources`, or "<no error>".
std::string LoadError(const std::vector<RuleSource>& sources) {
  try {
    Lexicon::Load(sources);
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

const Actor* ActorNamed(const Lexicon& lexicon, const std::string& text) {
  const LexiconName* name = lexicon.FindName(text);
  return name == nullptr ? nullptr : &lexicon.actors()[name->actor];
}

TEST(Lexicon, ReadsEveryField) {
  Lexicon lexicon = Lexicon::Load({User("my/world.actors", R"(# A comment line.
actor Kenya
  type country
  code KEN
  alias Republic of Kenya
  capital Nairobi          # a trailing comment
  demonym Kenyan
  metonym State House Nairobi

actor Mary Wanjiru Otieno
  type person
  country KEN
  gender female
  alias Mary Otieno
  role foreign minister 2031- | ambassador 2020-2025
)")});
  ASSERT_EQ(lexicon.actors().size(), 2u);
  const Actor& kenya = lexicon.actors()[0];
  EXPECT_EQ(kenya.name, "Kenya");
  EXPECT_EQ(kenya.type, ActorType::kCountry);
  EXPECT_EQ(kenya.code, "KEN");
  EXPECT_EQ(kenya.country_code(), "KEN");
  EXPECT_EQ(kenya.defined_at, "my/world.actors:2");

  const Actor& mary = lexicon.actors()[1];
  EXPECT_EQ(mary.type, ActorType::kPerson);
  EXPECT_EQ(mary.country, "KEN");
  EXPECT_EQ(mary.country_code(), "KEN");
  EXPECT_EQ(mary.gender, Gender::kFemale);
  EXPECT_EQ(mary.roles, (std::vector<std::string>{"foreign minister 2031-", "ambassador 2020-2025"}));
  EXPECT_EQ(mary.defined_at, "my/world.actors:10");

  EXPECT_EQ(lexicon.FindActor("Kenya"), 0);
  EXPECT_EQ(lexicon.FindActor("Mary Wanjiru Otieno"), 1);
  EXPECT_EQ(lexicon.FindActor("Mary Otieno"), -1);  // an alias, not a canonical name
  EXPECT_EQ(lexicon.FindCountry("KEN"), 0);
  EXPECT_EQ(lexicon.FindCountry("UGA"), -1);
}

TEST(Lexicon, NamesKeepTheirKind) {
  Lexicon lexicon = Lexicon::Load({User("a.actors", R"(actor Kenya
  type country
  code KEN
  alias Republic of Kenya
  capital Nairobi
  demonym Kenyan
  metonym State House Nairobi
)")});
  struct Case {
    std::string text;
    NameKind kind;
  };
  for (const Case& c : {Case{"Kenya", NameKind::kName}, Case{"Republic of Kenya", NameKind::kName},
                        Case{"Nairobi", NameKind::kCapital}, Case{"Kenyan", NameKind::kDemonym},
                        Case{"State House Nairobi", NameKind::kMetonym}}) {
    const LexiconName* name = lexicon.FindName(c.text);
    ASSERT_NE(name, nullptr) << c.text;
    EXPECT_EQ(name->actor, 0) << c.text;
    EXPECT_EQ(name->kind, c.kind) << c.text;
  }
  // Names are exact and case-sensitive.
  EXPECT_EQ(lexicon.FindName("kenya"), nullptr);
  EXPECT_EQ(lexicon.FindName("Kenya "), nullptr);
}

TEST(Lexicon, PeopleAlsoMatchWithAnInitial) {
  Lexicon lexicon = Lexicon::Load({User("a.actors", R"(actor Tomasz Wierzbicki
  type person
  alias Tomek Wierzbicki
)")});
  for (const char* text : {"T. Wierzbicki", "T Wierzbicki", "Tomek Wierzbicki", "Tomasz Wierzbicki"}) {
    const Actor* actor = ActorNamed(lexicon, text);
    ASSERT_NE(actor, nullptr) << text;
    EXPECT_EQ(actor->name, "Tomasz Wierzbicki") << text;
  }
}

TEST(Lexicon, AnAmbiguousInitialNamesNobody) {
  Lexicon lexicon = Lexicon::Load({User("a.actors", R"(actor Karim Haddad
  type person
actor Khalil Haddad
  type person
actor Omar Nasser
  type person
)")});
  EXPECT_EQ(lexicon.FindName("K. Haddad"), nullptr);
  EXPECT_EQ(lexicon.FindName("K Haddad"), nullptr);
  ASSERT_NE(ActorNamed(lexicon, "O. Nasser"), nullptr);
  EXPECT_EQ(ActorNamed(lexicon, "O. Nasser")->name, "Omar Nasser");
}

TEST(Lexicon, OnlyPeopleGetInitials) {
  Lexicon lexicon = Lexicon::Load({User("a.actors", R"(actor South Sudan
  type country
  code SSD
)")});
  EXPECT_EQ(lexicon.FindName("S. Sudan"), nullptr);
}

TEST(Lexicon, UserLayerReplacesABuiltinActor) {
  Lexicon lexicon = Lexicon::Load(
      {Builtin("actors/people.actors", R"(actor Ana Rivera
  type person
  country PER
  alias Rivera

actor Luis Rivera
  type person
  country CHL
)"),
       User("/home/me/rules/fix.actors", R"(actor Ana Rivera
  type person
  country COL
  alias Ana Maria Rivera
  alias Luis Rivera      # a user name wins a clash with a built-in name
)")});
  ASSERT_EQ(lexicon.FindActor("Ana Rivera"), static_cast<int>(lexicon.actors().size()) - 1);
  const Actor& ana = lexicon.actors()[lexicon.FindActor("Ana Rivera")];
  EXPECT_EQ(ana.country, "COL");
  EXPECT_EQ(ana.defined_at, "/home/me/rules/fix.actors:1");
  EXPECT_EQ(lexicon.FindName("Rivera"), nullptr);  // the old definition's alias is gone
  ASSERT_NE(ActorNamed(lexicon, "Ana Maria Rivera"), nullptr);
  EXPECT_EQ(ActorNamed(lexicon, "Luis Rivera")->name, "Ana Rivera");
  // Each actor is listed once.
  int count = 0;
  for (const Actor& actor : lexicon.actors()) count += actor.name == "Ana Rivera";
  EXPECT_EQ(count, 1);
}

TEST(Lexicon, ErrorsNameFileAndLine) {
  struct Case {
    std::vector<RuleSource> sources;
    std::string error;
  };
  const Case cases[] = {
      {{User("r/a.actors", "actor Chile\n  type country\n  captial Santiago\n")},
       "r/a.actors:3: unknown field 'captial'"},
      {{User("r/a.actors", "\nactor Chile\n  type nation\n")}, "r/a.actors:3: unknown type 'nation'"},
      {{User("r/a.actors", "# people\n  type person\nactor Chile\n  type country\n")},
       "r/a.actors:2: 'type' outside an actor block"},
      {{User("r/a.actors", "actor Chile\n  type country\n\nactor Chile\n  type country\n")},
       "r/a.actors:4: duplicate actor 'Chile' (first defined at r/a.actors:1)"},
      {{User("r/a.actors", "actor Chile\n  type country\n"),
        User("r/b.actors", "actor Chile\n  type country\n")},
       "r/b.actors:1: duplicate actor 'Chile' (first defined at r/a.actors:1)"},
      {{User("r/a.actors", "actor Chile\n  type country\n  capital Santiago\n"),
        User("r/b.actors", "actor Santiago Pena\n  type person\n  alias Pena | Santiago\n")},
       "r/b.actors:3: 'Santiago' already names Chile (r/a.actors:3)"},
      {{User("r/a.actors", "actor Chile\n  type country\nactor Peru\n  code PER\nactor Bolivia\n  type country\n")},
       "r/a.actors:3: actor 'Peru' has no type"},
      {{User("r/a.actors", "actor Chile\n  type country\nactor Peru\n")}, "r/a.actors:3: actor 'Peru' has no type"},
      {{User("r/a.actors", "actor Chile\n  type country\n  code chl\n")},
       "r/a.actors:3: code must be an ISO alpha-3 code: 'chl'"},
      {{User("r/a.actors", "actor Ana Rivera\n  type person\n  gender f\n")},
       "r/a.actors:3: gender must be male or female: 'f'"},
      {{User("r/a.actors", "actor Ana Rivera\n  type person\n  alias\n")}, "r/a.actors:3: 'alias' without a value"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LoadError(c.sources), c.error);
  }
}

TEST(Lexicon, ClashesAcrossLayersAreNoError) {
  // A built-in name taken by a user actor is a deliberate override, not a clash.
  EXPECT_EQ(LoadError({Builtin("actors/a.actors", "actor Chile\n  type country\n  capital Santiago\n"),
                       User("mine/b.actors", "actor Santiago Pena\n  type person\n  alias Santiago\n")}),
            "<no error>");
}

TEST(Lexicon, OnlyActorsFilesAreRead) {
  Lexicon lexicon = Lexicon::Load({User("r/notes.words", "title Envoy\n"),
                                   User("r/a.actors", "actor Chile\n  type country\n")});
  EXPECT_EQ(lexicon.actors().size(), 1u);
}

TEST(Lexicon, SurnameAndGivenName) {
  EXPECT_EQ(Surname("Sergey Viktorovich Lavrov"), "Lavrov");
  EXPECT_EQ(Surname("Martin Luther King Jr."), "King");
  EXPECT_EQ(Surname("John Smith III"), "Smith");
  EXPECT_EQ(Surname("Charles III"), "");  // one name and a numeral: no surname
  EXPECT_EQ(Surname("Sukarno"), "");
  EXPECT_EQ(GivenName("Sergey Viktorovich Lavrov"), "Sergey");
  EXPECT_EQ(GivenName("Sukarno"), "");
}

TEST(Lexicon, SurnameAndGivenNameIgnoreExtraSpacesAndSuffixesAlone) {
  EXPECT_EQ(Surname("  Sergey   Lavrov  "), "Lavrov");
  EXPECT_EQ(GivenName("  Sergey   Lavrov  "), "Sergey");
  EXPECT_EQ(Surname("Smith Jr."), "");  // a name and a suffix: no surname
  EXPECT_EQ(Surname("Jr. III"), "");
  EXPECT_EQ(Surname(""), "");
  EXPECT_EQ(GivenName("   "), "");
  EXPECT_EQ(GivenName("Sukarno  "), "");
}

class BuiltinLexicon : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { lexicon_ = new Lexicon(Lexicon::Load(LoadRuleSources(""))); }
  static void TearDownTestSuite() {
    delete lexicon_;
    lexicon_ = nullptr;
  }
  static const Lexicon& lexicon() { return *lexicon_; }

 private:
  static Lexicon* lexicon_;
};
Lexicon* BuiltinLexicon::lexicon_ = nullptr;

TEST_F(BuiltinLexicon, HasEveryUnMember) {
  int countries = 0;
  for (const Actor& actor : lexicon().actors()) countries += actor.type == ActorType::kCountry;
  // 193 UN members, Palestine, the Holy See, Taiwan and Kosovo.
  EXPECT_GE(countries, 193);
  for (const char* code : {"AFG", "ALB", "AND", "BTN", "CPV", "COM", "FSM", "KIR", "LSO", "MHL", "NRU",
                           "PLW", "STP", "SMR", "TLS", "TUV", "VUT", "ZWE", "SSD", "PRK", "KOR", "COD",
                           "COG", "BRA", "RUS", "UKR", "USA", "CHN", "IND", "DEU", "FRA", "GBR", "JPN"}) {
    EXPECT_GE(lexicon().FindCountry(code), 0) << code;
  }
}

TEST_F(BuiltinLexicon, CapitalsDemonymsAndMetonymsStandForTheirCountry) {
  struct Case {
    std::string text;
    std::string actor;
    NameKind kind;
  };
  const Case cases[] = {
      {"Nairobi", "Kenya", NameKind::kCapital},      {"Canberra", "Australia", NameKind::kCapital},
      {"Ulaanbaatar", "Mongolia", NameKind::kCapital}, {"Moscow", "Russia", NameKind::kCapital},
      {"Kremlin", "Russia", NameKind::kMetonym},     {"White House", "United States", NameKind::kMetonym},
      {"Brazilian", "Brazil", NameKind::kDemonym},   {"Vietnamese", "Vietnam", NameKind::kDemonym},
  };
  for (const Case& c : cases) {
    const LexiconName* name = lexicon().FindName(c.text);
    ASSERT_NE(name, nullptr) << c.text;
    EXPECT_EQ(lexicon().actors()[name->actor].name, c.actor) << c.text;
    EXPECT_EQ(name->kind, c.kind) << c.text;
  }
}

TEST_F(BuiltinLexicon, KnowsInternationalBodies) {
  for (const char* text : {"NATO", "European Union", "SCO", "G7", "G20", "BRICS", "ASEAN", "African Union",
                           "WHO", "IMF", "WTO", "OPEC", "UN Security Council", "UNSC"}) {
    const Actor* actor = ActorNamed(lexicon(), text);
    ASSERT_NE(actor, nullptr) << text;
    EXPECT_EQ(actor->type, ActorType::kOrganisation) << text;
  }
  EXPECT_EQ(ActorNamed(lexicon(), "UNSC")->name, ActorNamed(lexicon(), "UN Security Council")->name);
}

TEST_F(BuiltinLexicon, MergesTransliterationsAndInitials) {
  struct Case {
    std::string text;
    std::string actor;
  };
  const Case cases[] = {
      {"Sergei Lavrov", "Sergey Lavrov"},
      {"Zelenskyy", "Volodymyr Zelensky"},
      {"Volodymyr Zelenskiy", "Volodymyr Zelensky"},
      {"S. Jaishankar", "Subrahmanyam Jaishankar"},
      {"S Jaishankar", "Subrahmanyam Jaishankar"},
      {"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"},
  };
  for (const Case& c : cases) {
    const Actor* actor = ActorNamed(lexicon(), c.text);
    ASSERT_NE(actor, nullptr) << c.text;
    EXPECT_EQ(actor->name, c.actor) << c.text;
  }
}

TEST_F(BuiltinLexicon, LeavesOutAmbiguousSurnames) {
  // Shared by too many people in world news to name one on its own.
  for (const char* text : {"Singh", "Kim", "Lee", "Wang"}) EXPECT_EQ(lexicon().FindName(text), nullptr) << text;
}

TEST_F(BuiltinLexicon, PeopleHaveACountry) {
  const Actor* blinken = ActorNamed(lexicon(), "Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  EXPECT_EQ(blinken->country, "USA");
  EXPECT_EQ(blinken->gender, Gender::kMale);
  EXPECT_FALSE(blinken->roles.empty());
  const Actor* wang = ActorNamed(lexicon(), "Wang Yi");
  ASSERT_NE(wang, nullptr);
  EXPECT_EQ(wang->country, "CHN");
}

}  // namespace
}  // namespace actorgraph
