using FluentValidation;

namespace Cro.ServiceDefaults;

public static class TextRule
{
    /// <summary>Text a person must give (a reason, a topic, a name): not blank, at most <paramref name="maxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilder<T, string> rule, int maxLength) =>
        rule.Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength);
}
