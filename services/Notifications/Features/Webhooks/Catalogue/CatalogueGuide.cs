namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>
/// How to receive the catalogue's webhooks, for <c>info.description</c> of <see cref="CatalogueDocument"/>: what the
/// sender (Delivery/WebhookSender, WebhookSignature, the retry schedule of migration 0007) does, in a partner's words.
/// Polish first, English after it.
/// </summary>
internal static class CatalogueGuide
{
    public const string Markdown = """
        Zdarzenia programu CRO, które partner może otrzymywać webhookiem (specyfikacja [Standard Webhooks](https://www.standardwebhooks.com/)). Każdy typ ma tu schemat JSON danych i przykład.
        Punkty odbioru rejestruje się przez API (`POST /api/notifications/webhooks/endpoints`, zakres `webhooks.manage`), wybierając nazwy typów z tego katalogu (`GET /api/notifications/webhooks/catalogue/event-types`).

        ## Po polsku

        ### Treść
        `POST` na adres punktu odbioru (https, adres publiczny), `Content-Type: application/json`: `{type, timestamp, sequence, data}`.
        - `type`: nazwa typu z katalogu; `timestamp`: kiedy zdarzenie zaszło.
        - `sequence`: numer zdarzenia w ciągu jego JST (zdarzenia całego programu mają własny ciąg), rosnący o 1. Porządkuj po nim zdarzenia jednej JST: próby i ponowienia mogą przyjść w innej kolejności. Luka to zdarzenie, którego nie subskrybujesz lub którego Twój klient nie może czytać.
        - `data` jest „chude”: identyfikatory, kod TERC JST, liczby, nigdy dane osobowe. Szczegóły pobierz z API tokenem klienta (np. `GET /api/recruitment/…`), w granicach jego zakresów i JST.
        - Zdarzenie dostajesz tylko, gdy klient API ma zakres typu (podany przy każdym typie), a jeśli jest ograniczony do swoich JST, gdy dotyczy jednej z nich.

        ### Weryfikacja podpisu
        1. Weź surową treść żądania (bajty, przed parsowaniem JSON) i nagłówki `webhook-id`, `webhook-timestamp`, `webhook-signature`.
        2. Odrzuć wiadomość, gdy `webhook-timestamp` (sekundy od 1970-01-01 UTC) różni się od Twojego zegara o ponad 5 minut: chroni przed odtworzeniem.
        3. Zbuduj napis `{webhook-id}.{webhook-timestamp}.{treść}`.
        4. Klucz to sekret punktu odbioru bez przedrostka `whsec_`, zdekodowany z base64.
        5. Policz HMAC-SHA256 napisu tym kluczem i zakoduj wynik base64.
        6. `webhook-signature` to lista podpisów oddzielonych spacjami, każdy w postaci `v1,<base64>`. Przyjmij wiadomość, gdy którykolwiek podpis `v1` równa się Twojemu (porównanie w stałym czasie). Po rotacji sekretu przez okres przejściowy przychodzi kilka podpisów, po jednym na każdy obowiązujący sekret: możesz przejść na nowy sekret w dowolnej chwili tego okresu.
        7. Zapamiętaj `webhook-id`: to klucz idempotencji, ten sam przy każdej próbie i ponownym wysłaniu. Zdarzenie już przetworzone potwierdź 2xx i pomiń.

        ### Odpowiedzi i ponowienia
        - 2xx: doręczone. Odpowiedz w ciągu 15 s; dłuższą pracę wykonuj po odpowiedzi.
        - 410 Gone: punkt odbioru zostaje wyłączony, dopóki go nie włączysz.
        - 429 i 503: następna próba nie wcześniej niż mówi `Retry-After` (najwyżej doba).
        - Cokolwiek innego (inny kod, przekierowanie — nie jest wykonywane —, brak odpowiedzi w 15 s, błąd połączenia): kolejna próba według harmonogramu z wykładniczym odstępem i losowym rozrzutem ±10%, obecnie po 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 12 h, 16 h i 24 h: razem około 3 dni. Potem doręczenie jest nieudane.
        - Dziennik doręczeń (`GET …/endpoints/{id}/deliveries`) pokazuje próby, kody odpowiedzi i czas następnej próby; zdarzenia z ostatnich 30 dni można wysłać ponownie pojedynczo lub zakresem czasu, z tym samym `webhook-id`.

        ### Wersje
        Katalog rośnie tylko przez dodawanie: nowy typ lub nowe pole, nigdy zmiana nazwy, typu ani usunięcie; zmiana niezgodna to nowy typ. Wersja dokumentu to `1.N`, gdzie N rośnie z każdym dodaniem; przy każdym typie podano wersję, od której istnieje. Ignoruj pola, których nie znasz.

        ## In English

        The CRO programme's events a partner may receive by webhook ([Standard Webhooks](https://www.standardwebhooks.com/)), each with the JSON Schema of its data and an example.
        Endpoints are registered through the API (`POST /api/notifications/webhooks/endpoints`, scope `webhooks.manage`) with type names from this catalogue (`GET /api/notifications/webhooks/catalogue/event-types`).

        ### The body
        A `POST` to the endpoint's URL (https, a public address), `Content-Type: application/json`: `{type, timestamp, sequence, data}`.
        - `type`: the type's name in the catalogue; `timestamp`: when the event happened.
        - `sequence`: the event's number in its JST's sequence (events of the whole programme have their own), growing by 1. Order a JST's events by it: attempts and retries may arrive out of order. A gap is an event you do not subscribe to or your client may not read.
        - `data` is thin: ids, the JST's TERC code, counts, never personal data. Fetch the details from the APIs with the client's token (e.g. `GET /api/recruitment/…`), within its scopes and JST.
        - An event is delivered only when the API client holds the type's scope (given with each type) and, if it is limited to its member JST, when it concerns one of them.

        ### Verifying the signature
        1. Take the raw request body (the bytes, before parsing the JSON) and the headers `webhook-id`, `webhook-timestamp`, `webhook-signature`.
        2. Reject the message when `webhook-timestamp` (seconds since 1970-01-01 UTC) is more than 5 minutes off your clock: this stops replays.
        3. Build the string `{webhook-id}.{webhook-timestamp}.{body}`.
        4. The key is the endpoint's secret without its `whsec_` prefix, decoded from base64.
        5. Compute HMAC-SHA256 of the string with the key and encode it in base64.
        6. `webhook-signature` is a space-separated list of signatures, each `v1,<base64>`. Accept the message when any `v1` signature equals yours (compare in constant time). After a secret's rotation, during the overlap, several signatures come, one per secret in force: switch to the new secret at any moment of the overlap.
        7. Remember `webhook-id`: it is the idempotency key, the same on every attempt and replay. Acknowledge an event already processed with 2xx and skip it.

        ### Answers and retries
        - 2xx: delivered. Answer within 15 s; do longer work after answering.
        - 410 Gone: the endpoint is disabled until you enable it again.
        - 429 and 503: the next attempt comes no earlier than `Retry-After` says (at most a day).
        - Anything else (another status, a redirect — never followed —, no answer within 15 s, a connection error): another attempt on a schedule with exponential back-off and ±10% jitter, currently after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 12 h, 16 h and 24 h: about 3 days in all. Then the delivery has failed.
        - The delivery log (`GET …/endpoints/{id}/deliveries`) shows the attempts, status codes and the next try; events of the last 30 days can be sent again one by one or by a time range, with the same `webhook-id`.

        ### Versions
        The catalogue only grows: a new type or a new field, never a renamed, retyped or removed one; a breaking change is a new type. The document's version is `1.N`, N growing with each addition; each type says since which version it exists. Ignore fields you do not know.
        """;
}
