//! Story bank operations: pure functions on [`Bank`] that the app calls and renders.
//!
//! The caller supplies every id and time; an operation that cannot be done returns a
//! [`BankError`] and leaves the bank as it was.

use std::fmt;

use super::{Bank, Story};

/// Why a bank operation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankError {
    /// No story has this id.
    NotFound(String),
    /// A story already has this id.
    IdTaken(String),
    /// Ids must not be blank.
    EmptyId,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BankError::NotFound(id) => write!(f, "no story has the id \"{id}\""),
            BankError::IdTaken(id) => write!(f, "a story already has the id \"{id}\""),
            BankError::EmptyId => write!(f, "a story id must not be blank"),
        }
    }
}

impl std::error::Error for BankError {}

/// A story removed from the bank, with where it was, so that undo can put it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    /// Its position in the bank before removal.
    pub index: usize,
    /// The story itself.
    pub story: Story,
}

impl Bank {
    /// The story with this id.
    pub fn get(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }

    /// The story with this id, to edit.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Story> {
        self.stories.iter_mut().find(|s| s.id == id)
    }

    /// The position of the story with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.stories.iter().position(|s| s.id == id)
    }

    fn check_new_id(&self, id: &str) -> Result<(), BankError> {
        if id.trim().is_empty() {
            Err(BankError::EmptyId)
        } else if self.get(id).is_some() {
            Err(BankError::IdTaken(id.to_string()))
        } else {
            Ok(())
        }
    }

    /// Adds an empty story at the end and returns it. Its title is blank until the user names it
    /// (lists show "Untitled story").
    pub fn new_story(&mut self, id: &str, now_ms: f64) -> Result<&mut Story, BankError> {
        self.check_new_id(id)?;
        self.stories.push(Story::new(id, now_ms));
        let last = self.stories.len() - 1;
        Ok(&mut self.stories[last])
    }

    /// Adds a story as it is (from a file, a pasted answer, the worked example) at the end.
    pub fn add(&mut self, story: Story) -> Result<&mut Story, BankError> {
        self.check_new_id(&story.id)?;
        self.stories.push(story);
        let last = self.stories.len() - 1;
        Ok(&mut self.stories[last])
    }

    /// Adds a version of a story that must not be lost as a story of its own, under a new id,
    /// titled "… (`why`)": the other tab's version after a two-tab clash, a tab's version left in
    /// a side slot. Its text and times are kept as they are.
    pub fn add_copy(
        &mut self,
        mut story: Story,
        new_id: &str,
        why: &str,
    ) -> Result<&mut Story, BankError> {
        story.title = format!("{} ({why})", story.display_title());
        story.id = new_id.to_string();
        self.add(story)
    }

    /// Puts another tab's version of a story in place of this one's, or adds it if it is new here.
    pub fn replace_or_add(&mut self, story: Story) {
        match self.get_mut(&story.id) {
            Some(s) => *s = story,
            None => self.stories.push(story),
        }
    }

    /// Gives a story a new title (a blank title is kept; the list shows "Untitled story").
    pub fn rename(&mut self, id: &str, title: &str, now_ms: f64) -> Result<(), BankError> {
        let story = self
            .get_mut(id)
            .ok_or_else(|| BankError::NotFound(id.to_string()))?;
        story.title = title.to_string();
        story.updated_ms = now_ms;
        Ok(())
    }

    /// Copies a story under a new id, titled "… (copy)", right after the original.
    pub fn duplicate(
        &mut self,
        id: &str,
        new_id: &str,
        now_ms: f64,
    ) -> Result<&mut Story, BankError> {
        self.check_new_id(new_id)?;
        let index = self
            .position(id)
            .ok_or_else(|| BankError::NotFound(id.to_string()))?;
        let mut copy = self.stories[index].clone();
        copy.id = new_id.to_string();
        copy.title = format!("{} (copy)", copy.display_title());
        copy.created_ms = now_ms;
        copy.updated_ms = now_ms;
        self.stories.insert(index + 1, copy);
        Ok(&mut self.stories[index + 1])
    }

    /// Removes a story and hands it back with its position, for undo.
    pub fn delete(&mut self, id: &str) -> Option<Deleted> {
        let index = self.position(id)?;
        let story = self.stories.remove(index);
        Some(Deleted { index, story })
    }

    /// Puts a deleted story back at its old position (or at the end if the bank has shrunk).
    pub fn restore(&mut self, deleted: Deleted) -> Result<(), BankError> {
        self.check_new_id(&deleted.story.id)?;
        let index = deleted.index.min(self.stories.len());
        self.stories.insert(index, deleted.story);
        Ok(())
    }

    /// Marks a story as edited now.
    pub fn touch(&mut self, id: &str, now_ms: f64) -> Result<(), BankError> {
        let story = self
            .get_mut(id)
            .ok_or_else(|| BankError::NotFound(id.to_string()))?;
        story.updated_ms = now_ms;
        Ok(())
    }

    /// The stories, most recently edited first (ties: by title, then id), for the bank page.
    pub fn by_updated(&self) -> Vec<&Story> {
        let mut list: Vec<&Story> = self.stories.iter().collect();
        list.sort_by(|a, b| {
            b.updated_ms
                .total_cmp(&a.updated_ms)
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.id.cmp(&b.id))
        });
        list
    }

    /// Removes the stories that are blank (see [`Story::is_blank`]) except `keep`, and gives back
    /// their ids: a story started and left untouched is not kept.
    pub fn drop_blank(&mut self, keep: Option<&str>) -> Vec<String> {
        let mut dropped = Vec::new();
        self.stories.retain(|s| {
            let drop = s.is_blank() && Some(s.id.as_str()) != keep;
            if drop {
                dropped.push(s.id.clone());
            }
            !drop
        });
        dropped
    }

    /// True when the given id is free to use for a new story.
    pub fn is_free_id(&self, id: &str) -> bool {
        self.check_new_id(id).is_ok()
    }
}
