using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// Every command and output type a script may use: the shipped catalog and a custom runbook's own files, merged.
/// Names compare without case, as PowerShell resolves them.
/// </summary>
public sealed class CmdletCatalog
{
    private readonly Dictionary<string, CatalogCommand> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CatalogType> _types = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="bag">Receives ALU1018 for a command defined by two files (the first definition is kept).</param>
    public CmdletCatalog(IEnumerable<CatalogFile> files, DiagnosticBag bag)
    {
        foreach (var file in files)
        {
            foreach (var command in file.Commands)
            {
                if (_commands.TryGetValue(command.Name, out var first))
                {
                    bag.Add(DiagnosticCatalog.CatalogDuplicateCommand(command.Span, command.Name, first.Span));
                    continue;
                }

                _commands[command.Name] = command;
            }

            foreach (var (name, type) in file.Types)
            {
                _types.TryAdd(name, type);
            }
        }
    }

    public bool IsEmpty => _commands.Count == 0;

    public IEnumerable<string> CommandNames => _commands.Keys;

    public CatalogCommand? Command(string name) => _commands.GetValueOrDefault(name);

    public CatalogType? Type(string name) => _types.GetValueOrDefault(name);
}
