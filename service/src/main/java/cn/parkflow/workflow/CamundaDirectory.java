package cn.parkflow.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link Directory} on Camunda 7's IdentityService (and, for the one query it cannot express, its identity tables). */
@Component
class CamundaDirectory implements Directory {

    private final IdentityService identity;
    private final JdbcTemplate jdbc;

    CamundaDirectory(IdentityService identity, JdbcTemplate jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return identity.checkPassword(userId, password);
    }

    @Override
    public Optional<String> passwordProblem(String userId, String displayName, String password) {
        User stored = identity.createUserQuery().userId(userId).singleResult();
        User candidate = stored != null ? stored : identity.newUser(userId);
        if (stored == null) {
            candidate.setFirstName(displayName);
        }
        var result = identity.checkPasswordAgainstPolicy(password, candidate);
        if (result.isValid()) {
            return Optional.empty();
        }
        List<String> broken = new java.util.ArrayList<>();
        for (var rule : result.getViolatedRules()) {
            Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
            broken.add(switch (rule.getPlaceholder()) {
                case "PASSWORD_POLICY_LENGTH" -> "至少" + p.getOrDefault("minLength", "10") + "个字符";
                case "PASSWORD_POLICY_LOWERCASE" -> "至少" + p.getOrDefault("minLowerCase", "1") + "个小写字母";
                case "PASSWORD_POLICY_UPPERCASE" -> "至少" + p.getOrDefault("minUpperCase", "1") + "个大写字母";
                case "PASSWORD_POLICY_DIGIT" -> "至少" + p.getOrDefault("minDigit", "1") + "个数字";
                case "PASSWORD_POLICY_SPECIAL" -> "至少" + p.getOrDefault("minSpecial", "1") + "个特殊符号";
                case "PASSWORD_POLICY_USER_DATA" -> "不得包含用户名或姓名";
                default -> rule.getPlaceholder();
            });
        }
        return Optional.of("密码不符合密码策略：" + String.join("、", broken));
    }

    @Override
    public Optional<Person> user(String userId) {
        return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()).map(CamundaDirectory::person);
    }

    @Override
    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    @Override
    public boolean isMember(String userId, String groupId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    @Override
    public List<Person> members(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(CamundaDirectory::person).toList();
    }

    @Override
    public Optional<String> info(String userId, String key) {
        return Optional.ofNullable(identity.getUserInfo(userId, key));
    }

    @Override
    public void setInfo(String userId, String key, String value) {
        identity.setUserInfo(userId, key, value);
    }

    /**
     * Camunda's identity API cannot query users by user info, and reading every member's info costs one
     * query per account; so this reads the identity tables (ACT_ID_INFO, ACT_ID_MEMBERSHIP) directly.
     */
    @Override
    public List<String> membersWithInfo(String groupId, String key, String value) {
        return jdbc.queryForList("SELECT i.USER_ID_ FROM ACT_ID_INFO i JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = i.USER_ID_ "
                + "WHERE i.TYPE_ = 'userinfo' AND i.KEY_ = ? AND i.VALUE_ = ? AND m.GROUP_ID_ = ? ORDER BY i.USER_ID_",
                String.class, key, value, groupId);
    }

    @Override
    public void unlock(String userId) {
        identity.unlockUser(userId);
    }

    @Override
    public boolean createIfMissing(NewAccount account) {
        Person p = account.person();
        if (identity.createUserQuery().userId(p.id()).singleResult() != null) {
            return false;
        }
        User user = identity.newUser(p.id());
        user.setFirstName(p.firstName());
        user.setLastName(p.lastName());
        user.setEmail(p.email());
        user.setPassword(account.password());
        if (account.belowPasswordPolicy()) {
            ((IdentityServiceImpl) identity).saveUser(user, true);
        } else {
            identity.saveUser(user);
        }
        for (String group : account.groups()) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                throw new IllegalStateException("group " + group + " of account " + p.id() + " does not exist");
            }
            identity.createMembership(p.id(), group);
        }
        return true;
    }

    @Override
    public void updatePerson(Person person) {
        User user = identity.createUserQuery().userId(person.id()).singleResult();
        if (user == null) {
            throw new IllegalArgumentException("no user " + person.id());
        }
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        identity.saveUser(user);
    }

    @Override
    @Transactional
    public String changePassword(String userId, String password) {
        passwordProblem(userId, userId, password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new IllegalArgumentException("no user " + userId);
        }
        user.setPassword(password);
        identity.saveUser(user);
        identity.deleteUserInfo(userId, INFO_PASSWORD_CHANGE_REQUIRED);
        return credentialsStamp(userId);
    }

    @Override
    public String credentialsStamp(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity stored) || stored.getPassword() == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((stored.getPassword() + "/" + stored.getSalt()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void join(String userId, String groupId) {
        if (!isMember(userId, groupId)) {
            identity.createMembership(userId, groupId);
        }
    }

    @Override
    public void leave(String userId, String groupId) {
        if (isMember(userId, groupId)) {
            identity.deleteMembership(userId, groupId);
        }
    }

    private static Person person(User user) {
        return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }
}
