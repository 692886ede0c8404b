package cn.parkflow.accounts;

import cn.parkflow.identity.Caller;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Industry;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldError;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.system.TableRows;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports experts from an xlsx workbook, one row per expert under Chinese headers (the first sheet). Every
 * row is checked on its own, with the rules of {@link ExpertPool#create}; the answer lists the experts
 * created, each with its one-time password, and the rejected rows with every reason. A rejected row stores
 * nothing.
 */
@Service
public class ExpertImport {

    static final String USERNAME = "用户名";
    static final String NAME = "姓名";
    static final String HOME_CITY = "常住城市";
    static final String EMPLOYER = "工作单位";
    static final String EMPLOYER_CODE = "工作单位统一社会信用代码";
    static final String INDUSTRIES = "专业领域";
    static final String TITLE = "职称";
    static final String EMAIL = "电子邮箱";
    static final String MOBILE = "手机号码";
    static final String CONFLICTS = "回避单位统一社会信用代码";
    static final List<String> REQUIRED = List.of(USERNAME, NAME, HOME_CITY, EMPLOYER, EMPLOYER_CODE, INDUSTRIES, TITLE, EMAIL, MOBILE);
    static final int MAX_ROWS = 2000;

    /** The header that reports a form field's problem. */
    private static final Map<String, String> HEADERS = Map.of("username", USERNAME, "displayName", NAME, "homeCity", HOME_CITY,
            "employerName", EMPLOYER, "employerCreditCode", EMPLOYER_CODE, "industries", INDUSTRIES, "title", TITLE, "email", EMAIL,
            "mobile", MOBILE, "conflicts", CONFLICTS);

    public record Imported(int row, String username, String displayName, String initialPassword) {}

    public record Rejected(int row, String username, List<FieldError> errors) {}

    public record Result(int total, List<Imported> created, List<Rejected> rejected) {}

    private final ExpertPool pool;
    private final Validator validator;

    ExpertImport(ExpertPool pool, Validator validator) {
        this.pool = pool;
        this.validator = validator;
    }

    @Transactional
    public Result importXlsx(InputStream content, Caller caller) throws IOException {
        ExpertPool.requireProvince(caller);
        InputStream in = new BufferedInputStream(content);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (!Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "文件类型不支持", "请上传 Excel 工作簿（.xlsx）");
        }
        TableRows.Table table = TableRows.xlsx(in, MAX_ROWS);
        table.require(REQUIRED);
        List<Map<String, String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (TableRows.Line line : table.lines()) {
            rows.add(line.cells());
            numbers.add(line.number());
        }
        List<Imported> created = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> fields = rows.get(i);
            List<FieldError> errors = new ArrayList<>();
            ExpertPool.ExpertForm form = form(fields, errors);
            for (ConstraintViolation<ExpertPool.ExpertForm> v : validator.validate(form)) {
                String field = v.getPropertyPath().iterator().next().getName();
                if (errors.stream().noneMatch(e -> e.field().equals(HEADERS.get(field)))) { // one reason per cell
                    errors.add(FieldError.of(HEADERS.getOrDefault(field, field), v.getMessage()));
                }
            }
            pool.problems(form, true).forEach(p -> errors.add(FieldError.of(header(p.field()), p.detail())));
            String username = form.username();
            if (username != null && !username.isEmpty()) {
                if (seen.containsKey(username)) {
                    errors.add(FieldError.of(USERNAME, "与第" + seen.get(username) + "行用户名重复"));
                } else if (pool.taken(username)) {
                    errors.add(FieldError.of(USERNAME, "用户名“" + username + "”已被使用"));
                }
                seen.putIfAbsent(username, numbers.get(i));
            }
            if (!errors.isEmpty()) {
                rejected.add(new Rejected(numbers.get(i), username, errors));
                continue;
            }
            ExpertPool.Created made = pool.enter(form, caller.userId(), "EXPERT_IMPORTED");
            created.add(new Imported(numbers.get(i), made.username(), form.displayName(), made.initialPassword()));
        }
        return new Result(rows.size(), created, rejected);
    }

    /** The row as a form; a city or an industry the row names but nobody knows is an error of its cell. */
    private static ExpertPool.ExpertForm form(Map<String, String> f, List<FieldError> errors) {
        City city = null;
        String cityText = f.getOrDefault(HOME_CITY, "");
        if (!cityText.isEmpty()) {
            city = city(cityText).orElse(null);
            if (city == null) {
                errors.add(FieldError.of(HOME_CITY, "不是江苏省的设区市：" + cityText));
            }
        }
        List<Industry> industries = new ArrayList<>();
        for (String part : split(f.get(INDUSTRIES))) {
            Optional<Industry> industry = industry(part);
            if (industry.isEmpty()) {
                errors.add(FieldError.of(INDUSTRIES, "未知的专业领域：" + part));
            } else if (!industries.contains(industry.get())) {
                industries.add(industry.get());
            }
        }
        return new ExpertPool.ExpertForm(blankToNull(f.get(USERNAME)), f.get(NAME), city, f.get(EMPLOYER), f.get(EMPLOYER_CODE),
                industries, f.get(TITLE), f.get(EMAIL), f.get(MOBILE), split(f.get(CONFLICTS)));
    }

    private static String header(String field) {
        int bracket = field.indexOf('[');
        String base = bracket < 0 ? field : field.substring(0, bracket);
        return HEADERS.getOrDefault(base, field);
    }

    private static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[、,，;；/\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A city by its division code, its name, or its name without 市. */
    static Optional<City> city(String text) {
        return Arrays.stream(City.values())
                .filter(c -> c.code().equals(text) || c.label().equals(text) || c.label().replace("市", "").equals(text)).findFirst();
    }

    /** An industry by its code or its Chinese name. */
    static Optional<Industry> industry(String text) {
        return Arrays.stream(Industry.values()).filter(i -> i.name().equalsIgnoreCase(text) || i.label().equals(text)).findFirst();
    }
}
