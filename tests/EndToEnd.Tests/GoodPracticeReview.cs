namespace Cro.EndToEnd.Tests;

/// <summary>
/// A good practice's review loop in the browser: a member of the JST's team describes it on ORE's template and submits it;
/// the JST's advisor passes it on to ORE's editors; the editor returns it with a comment; the author reads the comment,
/// corrects the text and submits it again (straight back to the editors); the editor publishes it; anyone then finds it
/// in the public catalogue by inflected words typed without Polish letters, reads its page, and the Atom feed lists it.
/// Every page is checked against WCAG 2.1 AA.
/// </summary>
public static class GoodPracticeReview
{
    public static async Task DescribeReviewAndPublishAsync(IPage member, IPage advisor, IPage editor, IPage reader, string jst)
    {
        var title = $"Seniorzy i uczniowie w bibliotece szkolnej ({jst}, {Guid.NewGuid():N})"[..60];

        // The author describes the practice and submits it.
        await member.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" }).GetByRole(AriaRole.Link, new() { Name = "Dobre praktyki JST" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Link, new() { Name = "Opisz nową dobrą praktykę" }).ClickAsync();
        await member.GetByLabel("Tytuł", new() { Exact = true }).FillAsync(title);
        await member.GetByLabel("Streszczenie").FillAsync("Uczniowie uczą seniorów korzystania ze smartfonów w bibliotece szkolnej.");
        await member.GetByLabel("Problem", new() { Exact = true }).FillAsync("Starsi mieszkańcy gminy byli wykluczeni cyfrowo i nie korzystali z e-usług.");
        await member.GetByLabel("Rozwiązanie", new() { Exact = true }).FillAsync("Co tydzień uczniowie prowadzą w bibliotece szkolnej zajęcia dla seniorów.");
        await member.GetByLabel("Efekty", new() { Exact = true }).FillAsync("40 seniorów założyło profil zaufany.");
        await member.GetByLabel(new System.Text.RegularExpressions.Regex("^Krok 1\\b")).FillAsync("Nabór wolontariuszy wśród uczniów");
        await member.GetByLabel("Przeciwdziałanie wykluczeniu cyfrowemu").CheckAsync();
        await member.GetByLabel("Kontakt 1: imię i nazwisko").FillAsync("Ewa Bibliotekarka");
        await member.GetByLabel("Kontakt 1: e-mail").FillAsync("biblioteka@gmina.example.pl");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano szkic.");
        await Accessibility.AssertNoWcagViolationsAsync(member);
        var practicePage = member.Url;
        await member.GetByRole(AriaRole.Button, new() { Name = "Prześlij do oceny" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Przesłano praktykę do oceny.");

        // The advisor passes it on to ORE's editors.
        await advisor.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" }).GetByRole(AriaRole.Link, new() { Name = "Praktyki do oceny" }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
        await advisor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Przekaż do redakcji ORE" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Przekazano praktykę do redakcji ORE.");

        // The editor asks for changes.
        const string comment = "Podajcie, ilu seniorów skorzystało z zajęć i jak je ogłaszaliście.";
        await editor.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" }).GetByRole(AriaRole.Link, new() { Name = "Redakcja dobrych praktyk" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ocena dobrych praktyk");
        await Assertions.Expect(editor.GetByRole(AriaRole.Main)).ToContainTextAsync(title);
        await editor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await editor.GetByLabel("Co poprawić").FillAsync(comment);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Zwróć do poprawy" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Zwrócono praktykę autorom do poprawy.");
        var reviewPage = editor.Url;
        await Accessibility.AssertNoWcagViolationsAsync(editor);

        // The author reads the comment, corrects the text and submits it again.
        await member.GotoAsync(practicePage);
        await Assertions.Expect(member.GetByText(comment)).ToBeVisibleAsync();
        await member.GetByLabel("Efekty", new() { Exact = true }).FillAsync("Z zajęć skorzystało 65 seniorów; 40 założyło profil zaufany. Ogłoszenia w parafii i w sklepach.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano szkic.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Prześlij do oceny" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Przesłano praktykę do oceny.");
        await Accessibility.AssertNoWcagViolationsAsync(member);

        // Back with the editor, who publishes it.
        await editor.GotoAsync(reviewPage);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Opublikuj w katalogu" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Opublikowano praktykę w katalogu.");

        // Anyone finds it: inflected words without Polish letters.
        await reader.GotoAsync("/dobre-praktyki?q=" + Uri.EscapeDataString("seniorow biblioteki"));
        await Accessibility.AssertNoWcagViolationsAsync(reader);
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(reader.GetByText("65 seniorów", new() { Exact = false })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(reader);
        var feed = await reader.APIRequest.GetAsync("/dobre-praktyki/kanal.xml");
        Assert.True(feed.Ok, $"The feed answered {feed.Status}.");
        Assert.Contains(title, await feed.TextAsync(), StringComparison.Ordinal);
    }
}
