using System.Security.Cryptography;
using System.Text.Json;

namespace Cro.AppHost.Infrastructure;

/// <summary>
/// Passwords of a local run, generated on first start and kept beside the data they protect
/// (.data/secrets.json, ignored by git), so a second start opens the same databases. Never in the repo.
/// </summary>
public sealed class LocalSecrets
{
    private readonly string _path;
    private readonly Dictionary<string, string> _values;

    private LocalSecrets(string path, Dictionary<string, string> values) => (_path, _values) = (path, values);

    public static LocalSecrets Load(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "secrets.json");
        var values = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];
        return new LocalSecrets(path, values);
    }

    public string Get(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            // Letters and digits only: the value goes into connection strings and config files unquoted.
            value = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 32);
            _values[name] = value;
            File.WriteAllText(_path, JsonSerializer.Serialize(_values, new JsonSerializerOptions { WriteIndented = true }));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return value;
    }
}
