using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Text;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Fleet.Web.Access;

/// <summary>
/// Reads the dashboard's access file (--auth FILE) through the one bounded reader and YAML loader every alu input
/// uses, and reports every problem with its line and column. Secrets never appear in it or in a message: accounts
/// carry salted PBKDF2 hashes, tokens their SHA-256.
/// </summary>
internal static partial class DashboardAccessLoader
{
    public const string ApiVersion = "azurelocal.upgrade/v1";
    public const string Kind = "DashboardAccess";

    private static readonly string[] TopKeys = ["apiVersion", "kind", "accounts", "tokens"];
    private static readonly string[] AccountKeys = ["name", "role", "passwordHash"];
    private static readonly string[] TokenKeys = ["name", "role", "sha256"];
    private static readonly string[] SecretKeys = ["password", "token", "secret"];

    public static DashboardAccess? Load(string path, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        var errorsBefore = bag.Items.Count(d => d.IsError);
        if (YamlSourceLoader.Load(path, bag) is not { } source)
        {
            return null;
        }

        if (source.Root is not YamlMappingNode root)
        {
            bag.Add(DashboardDiagnostics.AccessFileShape(Span(path, source.Root), "the file is not a mapping"));
            return null;
        }

        CheckKeys(path, root, TopKeys, bag);
        CheckValue(path, root, "apiVersion", ApiVersion, bag);
        CheckValue(path, root, "kind", Kind, bag);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accounts = Entries(path, root, "accounts", bag).Select(e => ReadAccount(path, e, names, bag)).OfType<DashboardAccount>().ToList();
        var tokens = Entries(path, root, "tokens", bag).Select(e => ReadToken(path, e, names, bag)).OfType<DashboardToken>().ToList();
        if (!root.Children.ContainsKey("accounts") && !root.Children.ContainsKey("tokens"))
        {
            bag.Add(DashboardDiagnostics.AccessFileShape(Span(path, root), "it names no accounts and no tokens, so nobody could sign in"));
        }

        return bag.Items.Count(d => d.IsError) > errorsBefore ? null : new DashboardAccess(accounts, tokens);
    }

    private static DashboardAccount? ReadAccount(string path, YamlMappingNode entry, HashSet<string> names, DiagnosticBag bag)
    {
        CheckKeys(path, entry, AccountKeys, bag);
        var name = ReadName(path, entry, names, bag);
        var role = ReadRole(path, entry, bag);
        var hash = Required(path, entry, "passwordHash", bag);
        if (hash is not null && name is not null && !PasswordHashes.IsWellFormed(hash.Value ?? ""))
        {
            bag.Add(DashboardDiagnostics.PasswordHashInvalid(Span(path, hash), name));
            return null;
        }

        return name is null || role is null || hash is null ? null : new DashboardAccount(name, role.Value, hash.Value!);
    }

    private static DashboardToken? ReadToken(string path, YamlMappingNode entry, HashSet<string> names, DiagnosticBag bag)
    {
        CheckKeys(path, entry, TokenKeys, bag);
        var name = ReadName(path, entry, names, bag);
        var role = ReadRole(path, entry, bag);
        var digest = Required(path, entry, "sha256", bag);
        if (digest is not null && name is not null && !Sha256Hex().IsMatch(digest.Value ?? ""))
        {
            bag.Add(DashboardDiagnostics.TokenHashInvalid(Span(path, digest), name));
            return null;
        }

        return name is null || role is null || digest is null ? null : new DashboardToken(name, role.Value, Convert.FromHexString(digest.Value!));
    }

    private static string? ReadName(string path, YamlMappingNode entry, HashSet<string> names, DiagnosticBag bag)
    {
        if (Required(path, entry, "name", bag) is not { } node)
        {
            return null;
        }

        var name = node.Value ?? "";
        if (!NamePattern().IsMatch(name))
        {
            bag.Add(DashboardDiagnostics.AccessEntryInvalid(Span(path, node),
                $"The name '{EchoText.Short(name)}' is not 1 to 64 letters, digits, '.', '_', '@' or '-'."));
            return null;
        }

        if (!names.Add(name))
        {
            bag.Add(DashboardDiagnostics.DuplicateName(Span(path, node), name));
            return null;
        }

        return name;
    }

    private static DashboardRole? ReadRole(string path, YamlMappingNode entry, DiagnosticBag bag)
    {
        if (Required(path, entry, "role", bag) is not { } node)
        {
            return null;
        }

        switch (node.Value)
        {
            case "operator":
                return DashboardRole.Operator;
            case "viewer":
                return DashboardRole.Viewer;
            default:
                bag.Add(DashboardDiagnostics.RoleUnknown(Span(path, node), node.Value ?? ""));
                return null;
        }
    }

    private static IEnumerable<YamlMappingNode> Entries(string path, YamlMappingNode root, string key, DiagnosticBag bag)
    {
        if (!root.Children.TryGetValue(key, out var value))
        {
            return [];
        }

        if (value is not YamlSequenceNode list)
        {
            bag.Add(DashboardDiagnostics.AccessFileShape(Span(path, value), $"'{key}' must be a list"));
            return [];
        }

        var entries = new List<YamlMappingNode>();
        foreach (var item in list.Children)
        {
            if (item is YamlMappingNode map)
            {
                entries.Add(map);
            }
            else
            {
                bag.Add(DashboardDiagnostics.AccessEntryInvalid(Span(path, item), $"Each entry of '{key}' is a mapping with {(key == "accounts" ? "name, role, passwordHash" : "name, role, sha256")}."));
            }
        }

        return entries;
    }

    private static YamlScalarNode? Required(string path, YamlMappingNode entry, string key, DiagnosticBag bag)
    {
        if (entry.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar && !string.IsNullOrEmpty(scalar.Value))
        {
            return scalar;
        }

        bag.Add(DashboardDiagnostics.AccessEntryInvalid(Span(path, value ?? entry), $"'{key}' is required and must be a non-empty text."));
        return null;
    }

    private static void CheckKeys(string path, YamlMappingNode map, string[] allowed, DiagnosticBag bag)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            var name = key.Value ?? "";
            if (SecretKeys.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                bag.Add(DashboardDiagnostics.PlainSecret(Span(path, key), name));
            }
            else if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                bag.Add(DashboardDiagnostics.AccessEntryInvalid(Span(path, key), $"Unknown key '{EchoText.Short(name)}'; expected one of: {string.Join(", ", allowed)}."));
            }
        }
    }

    private static void CheckValue(string path, YamlMappingNode root, string key, string expected, DiagnosticBag bag)
    {
        if (!root.Children.TryGetValue(key, out var value) || value is not YamlScalarNode { Value: { } actual } || actual != expected)
        {
            bag.Add(DashboardDiagnostics.AccessFileShape(Span(path, value ?? root), $"'{key}' must be '{expected}'"));
        }
    }

    private static SourceSpan Span(string path, YamlNode? node) => node is null ? SourceSpan.At(path, 1, 1) : YamlSpans.Of(path, node);

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
