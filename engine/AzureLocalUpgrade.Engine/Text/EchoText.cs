namespace AzureLocalUpgrade.Engine.Text;

/// <summary>
/// Values from input echoed back in messages are cut short: a 100 KB "name" must not flood a terminal or a log.
/// Control characters are shown escaped, so an echoed value can never start a new line of its own.
/// </summary>
public static class EchoText
{
    public const int MaxLength = 80;

    public static string Short(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        var cut = value.Length > MaxLength ? value[..MaxLength] : value;
        var text = new System.Text.StringBuilder(cut.Length + 16);
        foreach (var c in cut)
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return value.Length > MaxLength ? $"{text}… ({value.Length} characters)" : text.ToString();
    }
}
