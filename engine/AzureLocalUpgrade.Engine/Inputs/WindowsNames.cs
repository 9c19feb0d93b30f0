namespace AzureLocalUpgrade.Engine.Inputs;

/// <summary>
/// The names Windows accepts for a failover cluster and its nodes, from Microsoft's "Naming conventions in Active
/// Directory for computers, domains, sites, and OUs"
/// (https://learn.microsoft.com/troubleshoot/windows-server/active-directory/naming-conventions-for-computer-domain-site-ou):
/// <list type="bullet">
/// <item>a cluster name is the NetBIOS name of its cluster name object, a computer account: at most 15 characters
/// (the 16th is reserved), never only digits for a domain member; and since the NetBIOS name is also the DNS host
/// name, the DNS host name rules apply too;</item>
/// <item>a node name is a DNS host name label: letters A-Z and a-z, digits and the minus sign, at most 63
/// characters, first character a letter or digit, last not a minus sign, never only digits.</item>
/// </list>
/// The page allows more characters in NetBIOS-only names (and Unicode in Windows DNS) but recommends the RFC 1123
/// set for interoperability; alu takes that set, which also makes every name safe as a file name in the state
/// folder: no separator, no dot, no control character can reach a path.
/// </summary>
public static class WindowsNames
{
    public const int MaxClusterName = 15;
    public const int MaxNodeName = 63;

    /// <summary>Null when <paramref name="name"/> is a valid cluster name, else why not.</summary>
    public static string? ClusterNameProblem(string? name) => Problem(name, MaxClusterName, "a cluster name (NetBIOS)");

    /// <summary>Null when <paramref name="name"/> is a valid node (host) name, else why not.</summary>
    public static string? NodeNameProblem(string? name) => Problem(name, MaxNodeName, "a host name label");

    public static bool IsClusterName(string? name) => ClusterNameProblem(name) is null;

    private static string? Problem(string? name, int maxLength, string what)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "it is empty";
        }

        if (name.Length > maxLength)
        {
            return $"it has {name.Length} characters; {what} has at most {maxLength}";
        }

        var bad = name.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c == '-'));
        if (bad != default)
        {
            return char.IsControl(bad) || char.IsWhiteSpace(bad)
                ? $"it contains the character U+{(int)bad:X4}; only letters, digits and hyphens are allowed"
                : $"it contains '{bad}'; only letters, digits and hyphens are allowed";
        }

        if (name[0] == '-' || name[^1] == '-')
        {
            return "it starts or ends with a hyphen";
        }

        return name.All(char.IsAsciiDigit) ? "it has only digits" : null;
    }
}
