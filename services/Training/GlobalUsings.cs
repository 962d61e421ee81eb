// The namespaces most of this project's files use, imported once here instead of at the top of each file.
global using Cro.BuildingBlocks.Persistence;
global using Cro.ServiceDefaults;
global using Cro.ServiceDefaults.Security;
global using Cro.BuildingBlocks.Markdown;
