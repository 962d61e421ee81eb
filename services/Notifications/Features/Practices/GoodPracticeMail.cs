using System.Globalization;
using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.Mail;

namespace Cro.Notifications.Features.Practices;

/// <summary>
/// The mails about a JST's good practice, in Polish: to its authors at each step of its review (submitted, passed by the
/// advisor to ORE's editors, returned with the reviewer's comments, published with its address in the catalogue, withdrawn
/// with the reason), to the JST's advisor that a submitted practice waits for them, and to the JST's team that someone
/// proposed a practice for it to describe.
/// </summary>
public static class GoodPracticeMail
{
    public const string SubmittedKind = "practice-submitted";
    public const string ReviewRequestedKind = "practice-review-requested";
    public const string ApprovedKind = "practice-approved";
    public const string ChangesRequestedKind = "practice-changes-requested";
    public const string PublishedKind = "practice-published";
    public const string UnpublishedKind = "practice-unpublished";
    public const string ProposedKind = "practice-proposed";

    private static string Version(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Where(Uri platform) => $"Stan praktyki, jej wersje i uwagi recenzentów zobaczysz na platformie Cyfrowy Rozwój Oświaty: {platform.AbsoluteUri}";

    public static RenderedMail Submitted(GoodPracticeSubmitted practice, GoodPracticePerson to) =>
        Letter.Render(SubmittedKind, Letter.Subject($"Dobra praktyka przesłana do oceny: {practice.Title}", practice.JstName), to.FullName,
            $"Dobra praktyka „{practice.Title}” (JST {practice.JstName}) została przesłana do oceny jako wersja {Version(practice.Version)}"
            + (practice.ByPartner ? " przez stowarzyszenie partnerskie w imieniu JST." : "."),
            practice.ReviewStage == "editor"
                ? "Wraca prosto do redakcji ORE, która prosiła o zmiany. Po jej decyzji napiszemy do Ciebie ponownie."
                : "Teraz oceni ją doradca JST, a potem redakcja ORE. Po każdym kroku napiszemy do Ciebie.",
            Where(practice.PlatformUrl));

    public static RenderedMail ReviewRequested(GoodPracticeSubmitted practice, GoodPracticePerson to) =>
        Letter.Render(ReviewRequestedKind, Letter.Subject($"Dobra praktyka czeka na Twoją ocenę: {practice.Title}", practice.JstName), to.FullName,
            $"JST {practice.JstName}, której jesteś doradcą, przesłała do oceny dobrą praktykę „{practice.Title}” (wersja {Version(practice.Version)}).",
            "Oceniasz ją jako pierwszy: przekaż ją do redakcji ORE albo zwróć autorom z uwagami, co poprawić.",
            $"Praktykę zobaczysz po zalogowaniu na platformie Cyfrowy Rozwój Oświaty: {practice.PlatformUrl.AbsoluteUri}");

    public static RenderedMail Approved(GoodPracticeApprovedByAdvisor practice, GoodPracticePerson to) =>
        Letter.Render(ApprovedKind, Letter.Subject($"Doradca przekazał dobrą praktykę do redakcji ORE: {practice.Title}", practice.JstName), to.FullName,
            $"Doradca JST ocenił dobrą praktykę „{practice.Title}” (wersja {Version(practice.Version)}) i przekazał ją do redakcji ORE.",
            "Redakcja ORE opublikuje ją w katalogu dobrych praktyk albo poprosi o zmiany. Napiszemy do Ciebie o jej decyzji.",
            Where(practice.PlatformUrl));

    public static RenderedMail ChangesRequested(GoodPracticeChangesRequested practice, GoodPracticePerson to)
    {
        var (who, next) = practice.Stage == "editor"
            ? ("redakcja ORE", "Poprawiona wersja wróci prosto do redakcji ORE.")
            : ("doradca JST", "Poprawiona wersja wróci do doradcy JST.");
        return Letter.Render(ChangesRequestedKind, Letter.Subject($"Prośba o poprawki w dobrej praktyce: {practice.Title}", practice.JstName), to.FullName,
            $"{char.ToUpperInvariant(who[0])}{who[1..]} prosi o poprawki w dobrej praktyce „{practice.Title}” (wersja {Version(practice.Version)}).",
            $"Uwagi: {practice.Comment}",
            $"Popraw opis na platformie Cyfrowy Rozwój Oświaty ({practice.PlatformUrl.AbsoluteUri}) i prześlij go ponownie. {next}");
    }

    public static RenderedMail Published(GoodPracticePublished practice, GoodPracticePerson to) =>
        Letter.Render(PublishedKind, Letter.Subject($"Dobra praktyka opublikowana: {practice.Title}", practice.JstName), to.FullName,
            $"Redakcja ORE opublikowała dobrą praktykę „{practice.Title}” (JST {practice.JstName}, wersja {Version(practice.Version)}) "
            + "w katalogu dobrych praktyk programu Cyfrowy Rozwój Oświaty. Dziękujemy, że dzielicie się doświadczeniem z innymi JST.",
            $"Praktyka jest dostępna dla wszystkich pod adresem: {practice.PracticeUrl.AbsoluteUri}");

    public static RenderedMail Unpublished(GoodPracticeUnpublished practice, GoodPracticePerson to) =>
        Letter.Render(UnpublishedKind, Letter.Subject($"Dobra praktyka wycofana z katalogu: {practice.Title}", practice.JstName), to.FullName,
            $"Redakcja ORE wycofała dobrą praktykę „{practice.Title}” (JST {practice.JstName}) z katalogu dobrych praktyk.",
            $"Powód: {practice.Reason}",
            $"Jej wersje zostają na platformie. Możesz poprawić opis i przesłać go ponownie do oceny: {practice.PlatformUrl.AbsoluteUri}");

    public static RenderedMail Proposed(GoodPracticeProposed proposal, GoodPracticePerson to)
    {
        var role = proposal.ProposedByRole switch { "advisor" => "doradca", "trainer" => "trener", _ => "ORE" };
        return Letter.Render(ProposedKind, Letter.Subject("Propozycja opisania dobrej praktyki", proposal.JstName), to.FullName,
            $"{proposal.ProposedByName} ({role}) proponuje, by JST {proposal.JstName} opisała jako dobrą praktykę: „{proposal.Title}”.",
            $"Dlaczego warto: {proposal.Description}",
            "Zespół zadaniowy JST może rozpocząć z tej propozycji opis dobrej praktyki albo ją odrzucić, na platformie Cyfrowy Rozwój Oświaty: "
            + proposal.PlatformUrl.AbsoluteUri);
    }
}
