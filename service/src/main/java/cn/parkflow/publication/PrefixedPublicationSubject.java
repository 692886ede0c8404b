package cn.parkflow.publication;

/** A {@link PublicationSubject} for subjects named {@code <PREFIX><id>}, e.g. {@code APPLICATION-42}. */
public abstract class PrefixedPublicationSubject implements PublicationSubject {

    private final String prefix;

    protected PrefixedPublicationSubject(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public boolean handles(String subject) {
        return subject != null && subject.startsWith(prefix);
    }

    /** The numeric id in the subject. */
    protected long id(String subject) {
        return Long.parseLong(subject.substring(prefix.length()));
    }
}
