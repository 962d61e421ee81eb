using Npgsql;
using static Cro.Training.Features.Programme.OutcomeCategory;

namespace Cro.Training.Features.Programme;

/// <summary>
/// Version 1 of the programme, written on the first start: the five modules of the seed (project card,
/// task 1, point 1), with descriptions from its topics, learning outcomes, hours, form and validation
/// method, and the rules' defaults (post-test threshold 60 %, attendance 80 %). Operators change it
/// afterwards through the API, which writes new versions.
/// </summary>
public static class ProgrammeSeed
{
    public const decimal DefaultPostTestThreshold = 60m;
    public const decimal DefaultAttendanceThreshold = 80m;

    private const string Validation =
        "Pre-test przed pierwszymi zajęciami modułu i post-test po ostatnich zajęciach (pytania jednokrotnego i wielokrotnego wyboru " +
        "sprawdzające efekty uczenia się modułu). Efekty uczenia się są potwierdzone, gdy wynik post-testu osiąga próg zaliczenia; " +
        "kompetencje wzrosły, gdy wynik post-testu jest wyższy niż wynik pre-testu.";

    public static ProgrammeDefinition Programme { get; } = new(DefaultPostTestThreshold, DefaultAttendanceThreshold,
    [
        new("M1", "Przygotowanie diagnozy stanu cyfryzacji edukacji",
            "Przygotowanie do przeprowadzenia diagnozy stanu cyfryzacji edukacji na terenie jednostki samorządu terytorialnego: " +
            "diagnoza zasobów informatycznych szkół i placówek, ich charakterystyka techniczna i ocena dostępności; diagnoza zasobów " +
            "osobowych, tj. liczby i kompetencji informatyków, kompetencji cyfrowych nauczycieli i dyrektorów szkół i placówek; uczniowie " +
            "i ich kompetencje cyfrowe; metody zbierania i opracowania danych; wykorzystanie infrastruktury, środowiska sieciowego oraz " +
            "zasobów informatycznych do poprawy jakości i innowacyjności kształcenia. Moduł przygotowuje kadrę JST do opracowania lokalnej " +
            "diagnozy stanu cyfryzacji edukacji wraz z rekomendacjami do planu strategicznego.",
            16m, DeliveryForm.Blended, Validation,
            [
                new("M1.W1", Knowledge, "Zna obszary diagnozy stanu cyfryzacji edukacji w JST: infrastrukturę i zasoby informatyczne szkół i placówek, zasoby osobowe oraz kompetencje cyfrowe nauczycieli, dyrektorów i uczniów."),
                new("M1.W2", Knowledge, "Zna metody i narzędzia zbierania oraz opracowania danych o stanie cyfryzacji szkół i placówek."),
                new("M1.U1", Skills, "Potrafi zaplanować i przeprowadzić diagnozę stanu cyfryzacji szkół i placówek prowadzonych przez JST."),
                new("M1.U2", Skills, "Potrafi opracować wyniki diagnozy i sformułować na ich podstawie rekomendacje do lokalnego planu strategicznego."),
                new("M1.K1", Social, "Jest gotów do współpracy z dyrektorami szkół i placówek przy zbieraniu i interpretacji danych."),
            ]),
        new("M2", "Wykluczenie cyfrowe dzieci i uczniów",
            "Wykluczenie cyfrowe dzieci i uczniów: diagnoza i ocena rozwiązań organizacyjnych służących poprawie dostępności sprzętu dla " +
            "dzieci i uczniów, dostęp do szybkiego i przystępnego cenowo internetu, inne ograniczenia mające wpływ na dostępność, jak " +
            "ubóstwo czy niepełnosprawności; metody zbierania i opracowania danych; analiza przykładów radzenia sobie z tym wyzwaniem. " +
            "Moduł przygotowuje kadrę JST do opracowania, w ramach lokalnej diagnozy, danych i rozwiązań dotyczących wykluczenia cyfrowego " +
            "dzieci i uczniów oraz ich rodziców.",
            8m, DeliveryForm.Stationary, Validation,
            [
                new("M2.W1", Knowledge, "Zna przejawy i przyczyny wykluczenia cyfrowego dzieci, uczniów i ich rodzin: brak sprzętu, brak szybkiego i przystępnego cenowo internetu, ubóstwo, niepełnosprawności."),
                new("M2.W2", Knowledge, "Zna rozwiązania organizacyjne poprawiające dostępność sprzętu i internetu oraz przykłady radzenia sobie z wykluczeniem cyfrowym."),
                new("M2.U1", Skills, "Potrafi zebrać i opracować dane o wykluczeniu cyfrowym dzieci i uczniów na terenie JST."),
                new("M2.U2", Skills, "Potrafi ocenić rozwiązania przeciwdziałające wykluczeniu cyfrowemu i zaproponować działania w JST."),
                new("M2.K1", Social, "Jest wrażliwy na potrzeby uczniów i rodzin zagrożonych wykluczeniem cyfrowym i uwzględnia je w decyzjach."),
            ]),
        new("M3", "Podniesienie kompetencji cyfrowych kadry JST",
            "Podniesienie kompetencji cyfrowych kadry JST: krytyczne i odpowiedzialne korzystanie z technologii cyfrowych, wykorzystywanie " +
            "ich do uczenia się, pracy i udziału w życiu społecznym, w tym do komunikacji i współpracy oraz tworzenia nowych treści cyfrowych.",
            16m, DeliveryForm.Online, Validation,
            [
                new("M3.W1", Knowledge, "Zna zasady krytycznego, bezpiecznego i odpowiedzialnego korzystania z technologii cyfrowych."),
                new("M3.U1", Skills, "Potrafi wykorzystywać technologie cyfrowe do uczenia się, pracy, komunikacji i współpracy."),
                new("M3.U2", Skills, "Potrafi tworzyć nowe treści cyfrowe na potrzeby pracy w JST."),
                new("M3.K1", Social, "Jest gotów do stałego rozwijania własnych kompetencji cyfrowych i wspierania w tym innych."),
            ]),
        new("M4", "Przygotowanie lokalnego planu strategicznego cyfryzacji",
            "Przygotowanie do opracowania lokalnego planu strategicznego w zakresie cyfryzacji oświaty, tj. harmonogramu działań " +
            "rozwojowych: wiedza z zakresu zarządzania strategicznego, wykorzystania danych i analiz w planowaniu i zarządzaniu, procesu " +
            "przygotowania planu strategicznego, wyznaczania priorytetów, wyboru narzędzi zarządczych i opracowania harmonogramu wdrażania " +
            "przygotowanych rozwiązań. Moduł przygotowuje kadrę JST do opracowania planu strategicznego w oparciu o wcześniej przygotowaną diagnozę.",
            16m, DeliveryForm.Stationary, Validation,
            [
                new("M4.W1", Knowledge, "Zna zasady zarządzania strategicznego i etapy przygotowania lokalnego planu strategicznego cyfryzacji oświaty."),
                new("M4.W2", Knowledge, "Zna sposoby wykorzystania danych i analiz w planowaniu i zarządzaniu oświatą."),
                new("M4.U1", Skills, "Potrafi na podstawie diagnozy wyznaczyć priorytety, dobrać narzędzia zarządcze i opracować harmonogram działań rozwojowych."),
                new("M4.U2", Skills, "Potrafi zaplanować budżet i źródła finansowania działań planu, w tym środki unijne."),
                new("M4.K1", Social, "Jest gotów do podejmowania decyzji strategicznych w oparciu o dane i z uwzględnieniem opinii środowiska oświatowego."),
            ]),
        new("M5", "Wdrażanie planu w modelu partycypacyjnym",
            "Wdrażanie przygotowanego planu strategicznego w zakresie cyfryzacji oświaty: wykorzystanie zarządzania partycypacyjnego, " +
            "organizacja spotkań informacyjnych i dialogowych w JST służących wdrożeniu planu, konsultacje z interesariuszami lokalnego " +
            "systemu oświaty, m.in. dyrektorami szkół, nauczycielami i rodzicami uczniów, debaty oświatowe, konsultacje społeczne. Moduł " +
            "przygotowuje kadrę JST do wdrożenia lokalnego planu strategicznego w modelu partycypacyjnym.",
            8m, DeliveryForm.Blended, Validation,
            [
                new("M5.W1", Knowledge, "Zna zasady zarządzania partycypacyjnego i formy konsultacji z interesariuszami lokalnego systemu oświaty."),
                new("M5.U1", Skills, "Potrafi zorganizować spotkania informacyjne i dialogowe, debaty oświatowe i konsultacje społeczne służące wdrożeniu planu."),
                new("M5.U2", Skills, "Potrafi monitorować wdrażanie planu i korygować je na podstawie uwag interesariuszy."),
                new("M5.K1", Social, "Jest gotów do dialogu z dyrektorami szkół, nauczycielami, rodzicami, uczniami i innymi partnerami oraz do uwzględniania ich opinii."),
            ]),
    ]);

    /// <summary>
    /// Writes version 1 unless a version exists, and once (whatever the version) the public lessons of
    /// <see cref="SeedPublicLessonsAsync"/>. Safe with replicas starting together: they take turns on an advisory lock,
    /// and the first finds nothing done and does it.
    /// </summary>
    public static async Task SeedProgrammeAsync(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        var ct = app.Lifetime.ApplicationStopping;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        // The service itself seeds, for no caller; what it writes is no JST's.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('cro-training-seed'))");
        if (await ProgrammeStore.CurrentVersionAsync(session) is null
            && await ProgrammeStore.TryInsertAsync(session, 1, Programme, "Program z karty projektu (wersja początkowa).", createdBy: null, now))
        {
            app.Logger.LogInformation("Training programme: version 1 seeded with {Modules} modules.", Programme.Modules.Count);
        }
        if (await SeedPublicLessonsAsync(session, now) is > 0 and var lessons)
        {
            app.Logger.LogInformation("Training programme: {Lessons} public lessons seeded.", lessons);
        }
        await session.CommitAsync();
    }

    private const string PublicLessonsSeed = "public-programme-lessons";

    /// <summary>
    /// Once, one public lesson per module of the current programme: what it teaches and what a participant will know and
    /// be able to do after it, in plain words (no outcome codes). The seed asks the programme and materials to be open to
    /// every JST, including those outside the programme; operators add more, and change, hide or remove these like any
    /// other material. Databases from before this seed get the lessons at their next start. Returns how many it wrote.
    /// </summary>
    private static async Task<int> SeedPublicLessonsAsync(DataSession session, DateTimeOffset now)
    {
        var first = await session.ExecuteAsync("INSERT INTO seeds (name, seeded_at) VALUES (@PublicLessonsSeed, @now) ON CONFLICT (name) DO NOTHING",
            new { PublicLessonsSeed, now = now.ToUniversalTime() });
        if (first == 0 || await ProgrammeStore.FindAsync(session, null) is not { } programme)
        {
            return 0;
        }
        foreach (var module in programme.Modules)
        {
            var markdown = PublicLesson(module);
            await session.ExecuteAsync($"""
                INSERT INTO materials (id, module_code, kind, title, is_public, markdown, html, created_at, updated_at)
                VALUES (@id, @Code, '{Materials.Materials.Lesson}', @title, true, @markdown, @html, @now, @now)
                """, new
            {
                id = Guid.CreateVersion7(), module.Code, title = $"O module: {module.Title}", markdown,
                html = MarkdownRenderer.ToHtml(markdown), now = now.ToUniversalTime(),
            });
        }
        return programme.Modules.Count;
    }

    internal static string PublicLesson(ModuleView module)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(module.Description).AppendLine();
        text.AppendLine($"Liczba godzin: {module.Hours.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("pl-PL"))}.").AppendLine();
        text.AppendLine("## Po module uczestnik").AppendLine();
        foreach (var outcome in module.Outcomes)
        {
            text.AppendLine($"- {outcome.Description}");
        }
        text.AppendLine().AppendLine("## Jak sprawdzamy efekty").AppendLine().AppendLine(module.ValidationMethod);
        return text.ToString();
    }
}
