"""Adapter of the wasi-testsuite runner for wasmguest: runs the tests on Endive through wasmguest's command line.

Set WASMGUEST to the command that starts it, e.g.
    WASMGUEST="java -jar /path/to/wasmguest-cli-<version>.jar"
The command line takes wasmtime's options (--env NAME=VALUE, --dir HOST::GUEST), exits with the guest's code,
and with 134 when the guest traps, as wasmtime does on Unix.
"""
import os
import shlex
import subprocess
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union

WASMGUEST = shlex.split(os.getenv("WASMGUEST", "wasmguest"))

# What the runner may pass as the third element of args_env_dirs: preopens as (host, guest) pairs, or, in newer
# runners, one directory to preopen as the guest's root.
Dirs = Union[Sequence[Tuple[Union[Path, str], str]], str, None]


def get_name() -> str:
    return "wasmguest"


def get_version() -> str:
    # `--version` prints "wasmguest <version> (Endive <version>)"
    result = subprocess.run(WASMGUEST + ["--version"], encoding="UTF-8", capture_output=True, check=True)
    return result.stdout.splitlines()[0].split(" ")[1]


def get_wasi_versions() -> List[str]:
    return ["wasm32-wasip1"]


def get_wasi_worlds() -> List[str]:
    return ["wasi:cli/command"]


def compute_argv(test_path: str,
                 args_env_dirs: Optional[Tuple[List[str], Dict[str, str], Dirs]] = None,
                 proposals: Optional[List[str]] = None,
                 wasi_world: Optional[str] = None,
                 wasi_version: Optional[str] = None,
                 *,
                 args: Optional[List[str]] = None,
                 env: Optional[Dict[str, str]] = None,
                 dirs: Dirs = None) -> List[str]:
    del proposals, wasi_world, wasi_version  # the runner skips what get_wasi_* does not list
    if args_env_dirs is not None:
        args, env, dirs = args_env_dirs
    argv = list(WASMGUEST)
    for key, value in (env or {}).items():
        argv += ["--env", f"{key}={value}"]
    if isinstance(dirs, str):
        argv += ["--dir", f"{dirs}::/"]
    else:
        for host, guest in dirs or []:
            argv += ["--dir", f"{host}::{guest}"]
    argv += ["--", test_path]
    argv += args or []
    return argv
