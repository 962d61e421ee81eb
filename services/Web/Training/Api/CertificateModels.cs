namespace Cro.Web.Training.Api;

/// <summary>A certificate (zaświadczenie) with what its printout says (GET /api/training/me/certificates, …/certificates/{id}).</summary>
public sealed record CertificateView(Guid Id, string Number, string HolderName, string JstName, string JstTerc, int ProgrammeVersion,
    string Programme, string Issuer, DateTimeOffset IssuedAt, bool Valid, DateTimeOffset? RevokedAt, bool ShowName,
    IReadOnlyList<CertificateModule> Modules, decimal TotalHours, Uri VerificationUrl);

public sealed record CertificateModule(string Code, string Title, decimal Hours);

/// <summary>PUT /api/training/certificates/{id}/consent: whether the public verification shows the holder's name.</summary>
public sealed record CertificateConsent(bool ShowName);

/// <summary>GET /api/training/public/certificates?number=…: only what the holder consented to (the name, or null).</summary>
public sealed record VerifiedCertificate(string Number, bool Valid, DateOnly IssuedOn, string Programme, int ProgrammeVersion, string Issuer,
    string? HolderName, DateOnly? RevokedOn);
