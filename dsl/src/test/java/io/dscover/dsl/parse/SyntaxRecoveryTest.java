package io.dscover.dsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.Compiling;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.compile.CompileResult;
import org.junit.jupiter.api.Test;

/**
 * Whatever is wrong in a rule header, the error points at the mistake itself (a missing value or
 * bracket where it is missing, not at the next line's first word), and a rule that cannot be built
 * says so: no rule disappears without a word. The rules around a broken one are still built.
 */
class SyntaxRecoveryTest {

    static final String FILE = """
            rule missing_name_of_tunable {
              title: "t" severity: low techniques: [T1046]
              tunable = 5
              match flow
            }
            rule missing_value_of_tunable {
              title: "t" severity: low techniques: [T1046]
              tunable limit =
              match flow where destination.port > 1
            }
            rule unclosed_list_tunable {
              title: "t" severity: low techniques: [T1046]
              tunable ports = [22, 3389
              match flow where destination.port in ports
            }
            rule bare_word_in_list {
              title: "t" severity: low techniques: [T1046]
              tunable ports = [ssh, 22]
              match flow where destination.port in ports
            }
            rule colon_instead_of_equals {
              title: "t" severity: low techniques: [T1046]
              tunable ports: [22]
              match flow where destination.port in ports
            }
            rule two_commas {
              title: "t" severity: low techniques: [T1046]
              tunable ports = [22,, 23]
              match flow where destination.port in ports
            }
            rule keyword_as_tunable_name {
              title: "t" severity: low techniques: [T1046]
              tunable min = 3
              match flow
            }
            rule property_without_value {
              title: "t" techniques: [T1046]
              severity:
              tunable admin_ports = [22, 3389]
              match flow where destination.port in admin_ports
            }
            rule well_formed_one {
              title: "t" severity: low techniques: [T1046]
              tunable ports = [22, 3389]
              match flow where destination.port in ports
            }
            rule missing_closing_brace {
              title: "t" severity: low techniques: [T1046]
              match flow

            rule well_formed_two {
              title: "t" severity: low techniques: [T1046]
              match flow
            }
            rule {
              title: "t"
            }
            rule missing_opening_brace
              title: "t" severity: low techniques: [T1046]
              match flow
            }
            rule well_formed_three {
              title: "t" severity: low techniques: [T1046]
              match flow
            }
            """;

    @Test
    void eachMistakeIsReportedWhereItIsAndNamesTheRuleThatIsSkipped() {
        CompileResult r = Compiling.text(FILE);
        assertThat(Compiling.headlines(r)).containsExactly(
                "test.det:3:11: error: missing a name after 'tunable', found '=' (rule 'missing_name_of_tunable' is skipped until this is fixed)",
                "test.det:8:18: error: expected a value (string, number, IP, CIDR, duration, size, true/false) after '=', "
                        + "found 'match' on line 9 (rule 'missing_value_of_tunable' is skipped until this is fixed)",
                "test.det:13:28: error: expected ']' or ',' after '3389', found 'match' on line 14 "
                        + "(rule 'unclosed_list_tunable' is skipped until this is fixed)",
                "test.det:18:20: error: unexpected name 'ssh'; expected a value (string, number, IP, CIDR, duration, size, true/false) "
                        + "after '[' (rule 'bare_word_in_list' is skipped until this is fixed)",
                "test.det:23:16: error: expected '=' after 'ports', found ':' (rule 'colon_instead_of_equals' is skipped until this is fixed)",
                "test.det:28:23: error: expected a value after ',', found a second ',' (rule 'two_commas' is skipped until this is fixed)",
                "test.det:33:11: error: expected a name after 'tunable', found 'min' (rule 'keyword_as_tunable_name' is skipped until this is fixed)",
                "test.det:38:12: error: expected a value (string, name, number or [list]) after ':', found 'tunable' on line 39 "
                        + "(rule 'property_without_value' is skipped until this is fixed)",
                "test.det:49:13: error: missing '}' after 'flow', found 'rule' on line 51 (rule 'missing_closing_brace' is skipped until this is fixed)",
                "test.det:55:6: error: missing a name after 'rule', found '{' (this rule is skipped until this is fixed)",
                "test.det:58:27: error: missing '{' after 'missing_opening_brace', found a name 'title' on line 59 "
                        + "(rule 'missing_opening_brace' is skipped until this is fixed)");
        assertThat(r.files().get(0).rules()).extracting(RuleDecl::id).extracting(n -> n.text())
                .containsExactly("well_formed_one", "well_formed_two", "well_formed_three");
    }

    @Test
    void aKeywordIsAHeaderValueOnlyOnTheLineOfItsProperty() {
        CompileResult r = Compiling.text("rule r {\n  title: \"t\" severity: low techniques: [T1046]\n  status: test\n  match flow\n}\n");
        assertThat(Compiling.headlines(r)).isEmpty();
        assertThat(r.files().get(0).rules()).singleElement().satisfies(rule -> assertThat(rule.id().text()).isEqualTo("r"));
    }
}
