namespace Cro.Training.Features.Validation;

/// <summary>A module's two tests: the pre-test before its first session, the post-test after its last.</summary>
public static class TestKind
{
    public const string Pre = "pre";
    public const string Post = "post";

    public static readonly IReadOnlyList<string> All = [Pre, Post];

    /// <summary>One pre-test attempt (a second would measure the test, not the starting point); two post-test attempts, the best counting.</summary>
    public static int MaxAttempts(string kind) => kind == Post ? 2 : 1;
}

/// <summary>Single choice: exactly one option is right. Multiple choice: one or more are, and only the exact set scores.</summary>
public static class QuestionKind
{
    public const string Single = "single";
    public const string Multiple = "multiple";

    public static readonly IReadOnlyList<string> All = [Single, Multiple];
}
