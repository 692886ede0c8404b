package cn.parkflow.accounts;

/** The rules account fields follow wherever an account is made (registration, expert pool, reviewers, import). */
final class AccountFields {

    static final String USERNAME = "[a-z][a-z0-9_.-]{2,31}";
    static final String USERNAME_MESSAGE = "用户名为3至32位小写字母、数字、点、下划线或连字符，以字母开头";
    static final String MOBILE = "1[3-9][0-9]{9}";
    static final String MOBILE_MESSAGE = "请填写中国大陆11位手机号码";

    private AccountFields() {}

    static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
