using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Secrets;

/// <summary>
/// The last line of defence for secrets: every text alu writes (journal, events, logs, reports, error messages)
/// passes through here, and any known secret value in it becomes ***. SecretValue already prints as ***; this
/// catches a secret that reached a string some other way (a script echoing it, an exception message).
/// </summary>
public sealed class SecretRedactor
{
    public static readonly SecretRedactor None = new([]);

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets) =>
        // Longest first, so a secret containing another is masked whole. Very short values would mask
        // ordinary text everywhere; a secret of fewer than 4 characters is masked only where it stands alone.
        _secrets = [.. secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    public static SecretRedactor For(IEnumerable<object?> values) =>
        new(values.OfType<SecretValue>().Select(s => s.Reveal()));

    public bool IsEmpty => _secrets.Length == 0;

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            if (secret.Length >= 4)
            {
                text = text.Replace(secret, SecretValue.Mask, StringComparison.Ordinal);
            }
            else if (string.Equals(text, secret, StringComparison.Ordinal))
            {
                return SecretValue.Mask;
            }
        }

        return text;
    }
}
