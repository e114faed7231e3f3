"""Paging buttons for long answers, and a button that posts the page for the whole channel."""

from __future__ import annotations

import discord

PAGE_TIMEOUT = 15 * 60  # as long as Discord lets the bot edit its follow-ups


class PagerView(discord.ui.View):
    """Previous / Next / Post publicly over pre-rendered pages (the answer is ephemeral, so only
    the asker sees the buttons)."""

    def __init__(self, pages: list[discord.Embed]) -> None:
        super().__init__(timeout=PAGE_TIMEOUT)
        self.pages = pages
        self.page = 0
        self._sync()

    def embed(self) -> discord.Embed:
        embed = self.pages[self.page]
        if len(self.pages) > 1 and not (embed.footer and embed.footer.text):
            embed = embed.copy().set_footer(text=f"Page {self.page + 1} of {len(self.pages)}")
        return embed

    def _sync(self) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = self.page >= len(self.pages) - 1
        if len(self.pages) == 1:
            self.remove_item(self.previous)
            self.remove_item(self.next)

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.page = min(max(self.page + step, 0), len(self.pages) - 1)
        self._sync()
        await interaction.response.edit_message(embed=self.embed(), view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._turn(interaction, +1)

    @discord.ui.button(label="Post publicly", style=discord.ButtonStyle.primary)
    async def share(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message(
            embed=self.pages[self.page], allowed_mentions=discord.AllowedMentions.none()
        )
