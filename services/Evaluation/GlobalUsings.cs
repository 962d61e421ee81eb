// The namespaces most of this project's files use, imported once here instead of at the top of each file.
global using Cro.BuildingBlocks.Messaging;
global using Cro.BuildingBlocks.Persistence;
global using Cro.Contracts;
global using Cro.ServiceDefaults;
global using Cro.ServiceDefaults.Security;
global using Dapper;
global using FluentValidation;
global using Npgsql;
global using Cro.BuildingBlocks.Markdown;
