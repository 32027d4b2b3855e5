using Normalizer.Host.Cli;

if (CliApp.IsCommand(args))
{
    return CliApp.Run(args, Console.In, Console.Out, Console.Error);
}

return CliApp.Run(["--help"], Console.In, Console.Out, Console.Error);
