namespace Cro.Gateway;

/// <summary>The HTTP APIs behind the gateway: each is routed at /api/{name}/ and listed in /api/docs.</summary>
public static class ApiServices
{
    public static readonly IReadOnlyList<(string Name, string Title)> All =
    [
        ("identity", "Tożsamość / Identity"),
        ("recruitment", "Nabór JST / Recruitment"),
        ("training", "Szkolenia / Training"),
        ("advisory", "Doradztwo / Advisory"),
        ("monitoring", "Monitorowanie / Monitoring"),
        ("publishing", "Dobre praktyki i konferencje / Good practices and conferences"),
        ("evaluation", "Ewaluacja i konsultacje / Evaluation and consultations"),
        ("notifications", "Powiadomienia / Notifications"),
    ];

    /// <summary>
    /// The partner's webhook catalogue (notifications' OpenAPI 3.1 document of the events it may receive), listed in
    /// /api/docs beside the APIs; routed with the rest of /api/notifications.
    /// </summary>
    public static readonly (string Name, string Title, string Path) WebhookCatalogue =
        ("webhooks", "Webhooki partnera / Partner webhooks", "/api/notifications/webhooks/catalogue");

    /// <summary>
    /// Paths of the identity service besides its API: OpenID Connect endpoints and discovery, and its
    /// own pages (sign-in, invitation, password reset), all at the site's one origin.
    /// </summary>
    public static readonly IReadOnlyList<string> IdentityPaths = ["/connect/{**rest}", "/.well-known/{**rest}", "/konto/{**rest}"];

    /// <summary>The web UI takes every path no API route claims.</summary>
    public const string Web = "web";
}
