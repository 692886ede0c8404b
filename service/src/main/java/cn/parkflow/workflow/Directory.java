package cn.parkflow.workflow;

import java.util.List;
import java.util.Optional;

/**
 * The accounts and groups that the engine's identity holds (Camunda Admin shows the same): who a user is,
 * the groups it belongs to, what parkflow records about it beyond the engine's columns (user info),
 * and the password check. Capabilities ask here instead of the engine's IdentityService.
 */
public interface Directory {

    /** User info set ("true") on an account holding a one-time initial password, until its user changes it. */
    String INFO_PASSWORD_CHANGE_REQUIRED = "passwordChangeRequired";


    /** A user as the engine's identity holds it. */
    record Person(String id, String firstName, String lastName, String email) {

        /** Surname then given name, as Chinese names are written; the id when the account has no name. */
        public String displayName() {
            String name = (lastName == null ? "" : lastName) + (firstName == null ? "" : firstName);
            return name.isBlank() ? id : name.strip();
        }
    }

    /** A new account: its person, initial password and groups (which exist: the access bootstrap ensures them). */
    record NewAccount(Person person, String password, boolean belowPasswordPolicy, List<String> groups) {}

    boolean checkPassword(String userId, String password);

    /**
     * Which rules of the password policy {@code password} breaks for this user (the stored account when it
     * exists, else a new one of that name), in Chinese; empty when it passes.
     */
    Optional<String> passwordProblem(String userId, String displayName, String password);

    Optional<Person> user(String userId);

    List<String> groupsOf(String userId);

    boolean isMember(String userId, String groupId);

    /** The members of a group, by user id. */
    List<Person> members(String groupId);

    Optional<String> info(String userId, String key);

    void setInfo(String userId, String key, String value);

    /** The members of {@code groupId} whose user info {@code key} is {@code value}, by user id, in one query. */
    List<String> membersWithInfo(String groupId, String key, String value);

    /** Lifts a login lock (as parkflow itself: the engine reserves unlocking to its administrators). */
    void unlock(String userId);

    /** Creates the account unless a user of its id exists; false when it existed. */
    boolean createIfMissing(NewAccount account);

    /** Changes an account's name and e-mail. */
    void updatePerson(Person person);

    /**
     * Sets a new password, checked against the password policy (an IllegalArgumentException naming the rules
     * otherwise), in one transaction with the end of the initial-password flag; returns the new credentials stamp.
     */
    String changePassword(String userId, String password);

    /**
     * The account's credentials stamp: a digest of its stored password hash, so it changes with every password
     * change, whichever way it was made (the portal, Camunda Admin's profile, engine REST). A browser session
     * remembers the stamp it logged in with and ends when it differs ({@link BrowserSessions}). Empty for no account.
     */
    String credentialsStamp(String userId);

    /** Adds the user to the group unless it is a member (the group exists). */
    void join(String userId, String groupId);

    /** Removes the user from the group if it is a member. */
    void leave(String userId, String groupId);
}
