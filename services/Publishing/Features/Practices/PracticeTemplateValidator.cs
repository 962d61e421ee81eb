using Cro.Publishing.Features.Template;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// What a practice's text must be to be saved, each message at its field (<c>topics[1]</c>, <c>costs[0].source</c>): texts
/// within their lengths, codes of the fixed lists (topics, licence, sources of funding), amounts of 0 PLN or more, links
/// that are web addresses, contacts' addresses a mail server would take, co-authors named by member id or by name and
/// address. Which co-authors are in the JST's team is checked against the database (<see cref="PracticeAuthors"/>); what a
/// submission needs besides, by <see cref="PracticeCompleteness"/>.
/// </summary>
public sealed class PracticeTemplateValidator : AbstractValidator<PracticeTemplate>
{
    public const int LongText = 8000;
    public const int MediumText = 4000;

    public PracticeTemplateValidator()
    {
        RuleFor(t => t.Title!).RequiredText(200)
            .WithMessage(_ => Text.Pick("Podaj tytuł praktyki (do 200 znaków).", "Give the practice's title (up to 200 characters)."));
        RuleFor(t => t.Summary).MaximumLength(600)
            .WithMessage(_ => Text.Pick("Streszczenie ma do 600 znaków.", "The summary has up to 600 characters."));
        RuleFor(t => t.Problem).MaximumLength(LongText)
            .WithMessage(_ => Text.Pick($"Opis problemu ma do {LongText} znaków.", $"The problem has up to {LongText} characters."));
        RuleFor(t => t.Solution).MaximumLength(LongText)
            .WithMessage(_ => Text.Pick($"Opis rozwiązania ma do {LongText} znaków.", $"The solution has up to {LongText} characters."));
        RuleFor(t => t.Effects).MaximumLength(LongText)
            .WithMessage(_ => Text.Pick($"Opis efektów ma do {LongText} znaków.", $"The effects have up to {LongText} characters."));
        RuleFor(t => t.Difficulties).MaximumLength(MediumText)
            .WithMessage(_ => Text.Pick($"Opis trudności ma do {MediumText} znaków.", $"The difficulties have up to {MediumText} characters."));
        RuleFor(t => t.ToRepeat).MaximumLength(MediumText)
            .WithMessage(_ => Text.Pick($"Opis tego, co trzeba, by powtórzyć praktykę, ma do {MediumText} znaków.",
                $"What it takes to repeat the practice has up to {MediumText} characters."));

        RuleFor(t => t.Steps).Must(s => s is null || s.Count <= 30)
            .WithMessage(_ => Text.Pick("Najwyżej 30 kroków.", "At most 30 steps."));
        RuleForEach(t => t.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.Title).RequiredText(300)
                .WithMessage(_ => Text.Pick("Nazwij krok (do 300 znaków).", "Name the step (up to 300 characters)."));
            step.RuleFor(s => s.Description).MaximumLength(MediumText)
                .WithMessage(_ => Text.Pick($"Opis kroku ma do {MediumText} znaków.", $"A step's description has up to {MediumText} characters."));
        });

        RuleFor(t => t.Evidence).Must(e => e is null || e.Count <= 30)
            .WithMessage(_ => Text.Pick("Najwyżej 30 dowodów.", "At most 30 pieces of evidence."));
        RuleForEach(t => t.Evidence).ChildRules(evidence =>
        {
            evidence.RuleFor(e => e.Description).RequiredText(1000)
                .WithMessage(_ => Text.Pick("Opisz, co pokazuje dowód (do 1000 znaków).", "Say what the evidence shows (up to 1000 characters)."));
            evidence.RuleFor(e => e.Unit).MaximumLength(50)
                .WithMessage(_ => Text.Pick("Jednostka ma do 50 znaków.", "The unit has up to 50 characters."));
            evidence.RuleFor(e => e.Url).Must(IsWebAddress)
                .WithMessage(_ => Text.Pick("Łącze to pełny adres strony (https://…), do 2000 znaków.", "The link is a full web address (https://…), up to 2000 characters."));
        });

        RuleFor(t => t.PlanActionIds).Must(a => a is null || a.Count <= 100)
            .WithMessage(_ => Text.Pick("Najwyżej 100 działań planu.", "At most 100 of the plan's actions."));
        RuleFor(t => t.PlanId).NotNull().When(t => t.PlanActionIds is { Count: > 0 })
            .WithMessage(_ => Text.Pick("Działania należą do planu: wskaż plan strategiczny JST.", "Actions belong to a plan: name the JST's strategic plan."));

        RuleFor(t => t.Costs).Must(c => c is null || c.Count <= 50)
            .WithMessage(_ => Text.Pick("Najwyżej 50 pozycji kosztów.", "At most 50 cost items."));
        RuleForEach(t => t.Costs).ChildRules(cost =>
        {
            cost.RuleFor(c => c.Description).RequiredText(300)
                .WithMessage(_ => Text.Pick("Napisz, na co wydano kwotę (do 300 znaków).", "Say what the amount was spent on (up to 300 characters)."));
            cost.RuleFor(c => c.Amount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m)
                .WithMessage(_ => Text.Pick("Kwota w złotych: 0 lub więcej.", "An amount in PLN: 0 or more."));
            cost.RuleFor(c => c.Source).Must(s => s is not null && CostSources.Codes.Contains(s)).WithMessage(_ => CostSources.Message);
        });

        RuleFor(t => t.Partners).Must(p => p is null || p.Count <= 30)
            .WithMessage(_ => Text.Pick("Najwyżej 30 partnerów.", "At most 30 partners."));
        RuleForEach(t => t.Partners).Must(p => !string.IsNullOrWhiteSpace(p) && p.Length <= 300)
            .WithMessage(_ => Text.Pick("Nazwij partnera (do 300 znaków).", "Name the partner (up to 300 characters)."));

        RuleFor(t => t.Contacts).Must(c => c is null || c.Count <= 5)
            .WithMessage(_ => Text.Pick("Najwyżej 5 osób do kontaktu.", "At most 5 contacts."));
        RuleForEach(t => t.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(c => c.FullName).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj imię i nazwisko osoby do kontaktu (do 200 znaków).", "Give the contact's name (up to 200 characters)."));
            contact.RuleFor(c => c.Position).MaximumLength(200)
                .WithMessage(_ => Text.Pick("Stanowisko ma do 200 znaków.", "The position has up to 200 characters."));
            contact.RuleFor(c => c.Email!).MailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email));
            contact.RuleFor(c => c.Phone).MaximumLength(40)
                .WithMessage(_ => Text.Pick("Telefon ma do 40 znaków.", "The phone has up to 40 characters."));
        });

        RuleFor(t => t.Topics).Must(t => t is null || t.Count <= PracticeTopics.All.Count)
            .WithMessage(_ => Text.Pick($"Najwyżej {PracticeTopics.All.Count} tematów.", $"At most {PracticeTopics.All.Count} topics."));
        RuleForEach(t => t.Topics).Must(topic => topic is not null && PracticeTopics.Codes.Contains(topic)).WithMessage(_ => PracticeTopics.Message);
        RuleFor(t => t.Licence).Must(l => string.IsNullOrWhiteSpace(l) || Licences.Codes.Contains(l)).WithMessage(_ => Licences.Message);

        RuleFor(t => t.Authors).Must(a => a is null || a.Count <= 10)
            .WithMessage(_ => Text.Pick("Najwyżej 10 współautorów.", "At most 10 co-authors."));
        RuleForEach(t => t.Authors).ChildRules(author =>
        {
            author.RuleFor(a => a.FullName!).RequiredText(200).When(a => a.MemberId is null)
                .WithMessage(_ => Text.Pick("Wskaż członka zespołu (memberId) albo podaj imię i nazwisko autora (do 200 znaków).",
                    "Name a team member (memberId) or give the author's name (up to 200 characters)."));
            author.RuleFor(a => a.Email!).MailAddress().When(a => a.MemberId is null);
        });
    }

    /// <summary>An absolute http or https address of up to 2000 characters; or nothing.</summary>
    public static bool IsWebAddress(string? url) => string.IsNullOrWhiteSpace(url)
        || (url.Length <= 2000 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}
