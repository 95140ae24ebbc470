package org.promisedesk.icp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Mobile numbers, domain names and ICP numbers (business days: platform.BusinessCalendarTest). */
class SmallValidatorsTest {

    @ParameterizedTest
    @CsvSource({"13800138000, 13800138000", "+86 138 0013 8000, 13800138000", "0086-199-1234-5678, 19912345678",
            "(150) 1234 5678, 15012345678"})
    void shouldAcceptMainlandMobiles(String given, String normalised) {
        assertThat(MobileNumbers.normalise(given)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "1380013800", "138001380001", "+85261234567", "010-12345678", "1380013800O"})
    void shouldRefuseOtherNumbers(String given) {
        assertThat(MobileNumbers.normalise(given)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"Example.CN, example.cn, example.cn", "shop.example.com., shop.example.com, shop.example.com",
            "例子.中国, xn--fsqu00a.xn--fiqs8s, 例子.中国", "云帆。中国, xn--9kqs09a.xn--fiqs8s, 云帆.中国",
            "a-b.example.cn, a-b.example.cn, a-b.example.cn", "xn--fsqu00a.cn, xn--fsqu00a.cn, 例子.cn"})
    void shouldParseDomainsIncludingIdn(String given, String ascii, String unicode) {
        assertThat(DomainNames.parse(given)).isEqualTo(new DomainNames.Domain(ascii, unicode));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example", "http://example.cn", "example.cn/shop", "example.cn:8080", "*.example.cn",
            "-example.cn", "example-.cn", "exa mple.cn", "example.c", "example.123", "example..cn", ".example.cn",
            "exam_ple.cn"})
    void shouldRefuseWhatIsNoDomain(String given) {
        assertThat(DomainNames.parse(given)).isNull();
    }

    @Test
    void shouldRefuseTooLongLabelsAndNames() {
        String label63 = "a".repeat(63);
        assertThat(DomainNames.parse(label63 + ".cn")).isNotNull();
        assertThat(DomainNames.parse("a" + label63 + ".cn")).isNull();
        String name253 = (label63 + ".").repeat(3) + "a".repeat(58) + ".cn";
        assertThat(name253).hasSize(253);
        assertThat(DomainNames.parse(name253)).isNotNull();
        assertThat(DomainNames.parse("a" + name253)).isNull();
    }

    @Test
    void shouldSplitListsAsTyped() {
        assertThat(DomainNames.split(" a.cn, b.cn；c.cn\nd.cn  e.cn、f.cn,,")).containsExactly("a.cn", "b.cn", "c.cn",
                "d.cn", "e.cn", "f.cn");
    }

    @ParameterizedTest
    @CsvSource({"京ICP备12345678号, 京ICP备12345678号", "沪ICP备2020031415号-1, 沪ICP备2020031415号-1",
            "' 粤ICP备 2021012345号－12 ', 粤ICP备2021012345号-12", "浙icp备2019045678号, 浙ICP备2019045678号"})
    void shouldAcceptIcpNumbers(String given, String normalised) {
        assertThat(IcpNumbers.normalise(given)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ICP备12345678号", "京ICP证030173号", "京ICP备12345号", "京ICP备12345678", "沪ICP备2020031415号-",
            "港ICP备12345678号", "京ICP备12345678号-1234"})
    void shouldRefuseWhatIsNoIcpNumber(String given) {
        assertThat(IcpNumbers.normalise(given)).isNull();
    }
}
