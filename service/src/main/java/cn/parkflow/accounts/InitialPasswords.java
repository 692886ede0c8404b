package cn.parkflow.accounts;

import cn.parkflow.identity.Roles;
import cn.parkflow.workflow.Directory;
import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * One-time initial passwords for accounts the province or the administrator creates: random, passing the
 * password policy, shown once in the answer that creates the account, and to be changed at first login.
 */
@Component
class InitialPasswords {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+-=?@^_";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final Directory directory;
    private final SecureRandom random = new SecureRandom();

    InitialPasswords(Directory directory) {
        this.directory = directory;
    }

    /** A password for this account that passes the policy. */
    String generate(String userId, String displayName) {
        for (int attempt = 0; ; attempt++) {
            StringBuilder password = new StringBuilder();
            for (String set : new String[] {UPPER, LOWER, DIGITS, SYMBOLS}) {
                password.append(set.charAt(random.nextInt(set.length())));
            }
            while (password.length() < 16 + attempt / 4) { // a stricter configured policy: longer, until it passes
                password.append(ALL.charAt(random.nextInt(ALL.length())));
            }
            for (int i = password.length() - 1; i > 0; i--) { // the four classes anywhere, not always first
                int j = random.nextInt(i + 1);
                char c = password.charAt(i);
                password.setCharAt(i, password.charAt(j));
                password.setCharAt(j, c);
            }
            if (directory.passwordProblem(userId, displayName, password.toString()).isEmpty()) {
                return password.toString();
            }
        }
    }

    /** Marks the account as holding an initial password: every request but changing it is refused until then. */
    void mustChange(String userId) {
        directory.setInfo(userId, Roles.INFO_PASSWORD_CHANGE_REQUIRED, "true");
    }
}
